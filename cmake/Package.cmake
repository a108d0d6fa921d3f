# `cpack -G DEB` in a build directory makes mcpolicy_<version>_<arch>.deb from the install rules
# (cmake/Install.cmake). .ci/package builds it with Debian's hardening flags and runs lintian.
set(MCPOLICY_DEB_MAINTAINER "mcpolicy maintainers <mcpolicy@example.invalid>" CACHE STRING
    "Maintainer field of the Debian package (and the changelog's signer)")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mcpolicy)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${MCPOLICY_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter for MCP gateway policies and classifier of MCP tools")
# Lines of at most 72 characters (lintian: extended-description-line-too-long).
set(CPACK_PACKAGE_DESCRIPTION
    "mcpolicy checks MCP gateway policy files (PolicyLayer's hosted JSON
dialect) for syntax and schema errors and for risky allowances, such as
an execute tool with no rate limit or a destructive tool left reachable,
and reports each finding at its line and column as text, JSON, SARIF,
GitHub annotations, GitLab Code Quality, JUnit XML or checkstyle XML.

It classifies MCP tools as read, write, execute, destructive or
financial from a bundled catalog of MCP servers or a heuristic
classifier, writes recommended policies, repairs risky parts of a policy
in place and shows what a change to a policy opens up. Schemas, catalog
and rule documentation are compiled into the one binary.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${MCPOLICY_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# fetch --url loads libcurl at run time (dlopen), which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4 (>= 7.85.0)")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
