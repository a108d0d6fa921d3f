// Writes large or binary test inputs at test time, so none is committed (golden
// cases call it from setup.cmake as ${MAKE_INPUT}; CMake alone is too slow to
// number 300,000 items):
//   make_input FILE numbered N HEAD ITEM SEP TAIL   HEAD, then N copies of ITEM
//   joined by SEP with
//                                                   every '#' in ITEM replaced
//                                                   by the 0-based index
//                                                   (zero-padded to 6 digits),
//                                                   then TAIL
//   make_input FILE random N SEED                   N pseudo-random bytes (the
//   same for a seed)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: make_input FILE numbered N HEAD ITEM SEP TAIL\n"
               "       make_input FILE random N SEED\n");
  return 2;
}

std::string Numbered(unsigned long n, std::string_view head, std::string_view item,
                     std::string_view sep, std::string_view tail) {
  std::string out(head);
  out.reserve(head.size() + n * (item.size() + sep.size() + 6) + tail.size());
  char digits[32];
  for (unsigned long i = 0; i < n; ++i) {
    if (i > 0) out.append(sep);
    std::snprintf(digits, sizeof digits, "%06lu", i);
    for (char c : item) {
      if (c == '#') {
        out.append(digits);
      } else {
        out.push_back(c);
      }
    }
  }
  out.append(tail);
  return out;
}

std::string Random(unsigned long n, uint64_t seed) {
  std::string out(n, '\0');
  uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  for (char& c : out) {  // xorshift64*: deterministic on every platform
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    c = static_cast<char>((state * 0x2545F4914F6CDD1Dull) >> 56);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return Usage();
  std::string_view kind = argv[2];
  unsigned long n = std::strtoul(argv[3], nullptr, 10);
  std::string content;
  if (kind == "numbered" && argc == 8) {
    content = Numbered(n, argv[4], argv[5], argv[6], argv[7]);
  } else if (kind == "random" && argc == 5) {
    content = Random(n, std::strtoull(argv[4], nullptr, 10));
  } else {
    return Usage();
  }
  std::FILE* f = std::fopen(argv[1], "wb");
  if (f == nullptr || std::fwrite(content.data(), 1, content.size(), f) != content.size() ||
      std::fclose(f) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  return 0;
}
