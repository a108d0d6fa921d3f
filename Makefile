# Convenience entry points. `make demo` and `make test` are the README's two set-up commands.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# Warnings are errors in `make test` (what CI runs). `make build` and `make demo` leave the build
# directory's setting as it is (off in a new one), so switching between them rebuilds nothing.
WERROR ?=
CONFIGURE = cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(if $(WERROR),-DMCPOLICY_WERROR=$(WERROR))

.PHONY: deps deps-build build demo test test-asan tidy bench package clean

# Everything the tests, the benchmarks, the package and clang-tidy need.
deps:
	@./.ci/install-deps

# Only what building the binary needs: compiler, CMake, Ninja and the -dev libraries.
deps-build:
	@./.ci/install-deps --build-only

# Everything: the binary, the tests, the benchmarks.
build: deps
	@$(CONFIGURE) -DBUILD_TESTING=ON -DMCPOLICY_BENCH=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# The binary alone (no test or benchmark target is configured), then the bundled examples linted:
# a good Kestra policy (clean) and a risky one (findings, exit 1).
demo: deps-build
	@$(CONFIGURE) -DBUILD_TESTING=OFF -DMCPOLICY_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS) --target mcpolicy
	@echo '$$ mcpolicy lint examples/kestra-good.json'
	@$(BUILD)/mcpolicy lint examples/kestra-good.json
	@echo
	@echo '$$ mcpolicy lint examples/kestra-risky.json'
	@$(BUILD)/mcpolicy lint examples/kestra-risky.json; echo "(exit code $$?: 1 means findings, as expected for the risky example)"

# The whole test suite: unit tests, golden end-to-end cases, JSON-Schema-Test-Suite, SARIF and
# other report formats against outside validators, pre-commit hook, completions, the layering
# check (cmake/layers.py).
test: WERROR = ON
test: build
	@ctest --test-dir $(BUILD) -j$(JOBS) --output-on-failure --timeout 300

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMCPOLICY_SANITIZE=ON -DMCPOLICY_BENCH=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_BUILD) -j$(JOBS) --output-on-failure --timeout 600

# clang-tidy (.clang-tidy) on the C++ files changed against main; `.ci/tidy --all` checks every file.
# Needs only a configured $(BUILD) (compile_commands.json), so it does not rebuild after `make test`.
tidy:
	@BUILD=$(BUILD) ./.ci/tidy

# The Debian package, built with Debian's flags in build-deb/, checked by lintian; its man page,
# completions and pre-commit hook tried (.ci/package).
package: deps
	@./.ci/package

bench: build
	@$(BUILD)/bench/mcpolicy_bench

clean:
	@rm -rf $(BUILD) $(ASAN_BUILD)
