// Runs files of the official JSON-Schema-Test-Suite (draft7) against mcpolicy's validator and
// compares the outcome with a list of known failures, both ways: an unlisted failure and a listed
// case that now passes (a stale entry) both fail the run.
//
// Usage: schema_suite_driver --suite DIR --known FILE [--summary] FILE...
//   DIR    the suite root (holds tests/draft7 and remotes); FILEs are relative to tests/draft7.
//   known  lines "file / group description / test description -- reason"; '#' starts a comment.
// Each case is checked with IsValid and with Validate, which must agree.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace {

using mcpolicy::Schema;
using mcpolicy::SchemaOptions;
using mcpolicy::json::Document;
using mcpolicy::json::Value;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string Trim(std::string s) {
  size_t begin = s.find_first_not_of(" \t\r");
  size_t end = s.find_last_not_of(" \t\r");
  return begin == std::string::npos ? "" : s.substr(begin, end - begin + 1);
}

// Known failures by "file / group / test"; false on a malformed line.
bool LoadKnown(const std::string& path, std::map<std::string, std::string>* known) {
  std::string text;
  if (!ReadFile(path, &text)) {
    std::cerr << path << ": cannot read\n";
    return false;
  }
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  bool ok = true;
  while (std::getline(lines, line)) {
    ++number;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    size_t dash = line.find(" -- ");
    size_t first = line.find(" / ");
    size_t second = first == std::string::npos ? first : line.find(" / ", first + 3);
    if (dash == std::string::npos || second == std::string::npos || second > dash ||
        Trim(line.substr(dash + 4)).empty()) {
      std::cerr << path << ":" << number
                << ": expected \"file / group / test -- reason\", found: " << line << "\n";
      ok = false;
      continue;
    }
    (*known)[Trim(line.substr(0, dash))] = Trim(line.substr(dash + 4));
  }
  return ok;
}

struct Totals {
  int passed = 0;
  int total = 0;
  int known = 0;
  int problems = 0;
};

void RunFile(const std::string& suite, const std::string& file,
             const std::map<std::string, std::string>& known, std::set<std::string>* seen,
             Totals* totals) {
  std::string text;
  if (!ReadFile(suite + "/tests/draft7/" + file, &text)) {
    std::cout << "ERROR cannot read " << file << "\n";
    ++totals->problems;
    return;
  }
  Document doc = Document::Parse(std::move(text));
  if (!doc.ok()) {
    std::cout << "ERROR " << file << " is not valid JSON: " << doc.error()->message << "\n";
    ++totals->problems;
    return;
  }
  SchemaOptions options;
  options.mappings.push_back({"http://localhost:1234/", suite + "/remotes"});
  for (Value group : doc.root().elements()) {
    std::string group_name(group.Find("description").as_string());
    Value schema_value = group.Find("schema");
    std::string schema_text = doc.text().substr(
        schema_value.offset(), doc.EndOffset(schema_value.index()) - schema_value.offset());
    auto compiled = Schema::Compile(Document::Parse(schema_text), options);
    for (Value test : group.Find("tests").elements()) {
      std::string name = file + " / " + group_name + " / " + std::string(test.Find("description").as_string());
      bool expected = test.Find("valid").as_bool();
      std::string problem;
      if (!compiled.ok()) {
        const auto& e = compiled.errors.front();
        problem = "schema does not compile: " + std::to_string(e.location.line) + ":" +
                  std::to_string(e.location.column) + ": " + e.message;
      } else {
        Value data = test.Find("data");
        bool valid = compiled.schema->IsValid(data);
        auto errors = compiled.schema->Validate(data);
        if (valid != errors.empty()) {
          problem = "IsValid and Validate disagree";
        } else if (valid != expected) {
          problem = expected ? "rejected a valid instance: " + errors.front().message
                             : "accepted an invalid instance";
        }
      }
      ++totals->total;
      seen->insert(name);
      bool listed = known.count(name) > 0;
      if (problem.empty()) {
        ++totals->passed;
        if (listed) {
          std::cout << "STALE known failure now passes: " << name << "\n";
          ++totals->problems;
        }
      } else if (listed) {
        ++totals->known;
      } else {
        std::cout << "FAIL " << name << ": " << problem << "\n";
        ++totals->problems;
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string suite, known_path;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--suite" && i + 1 < argc) {
      suite = argv[++i];
    } else if (arg == "--known" && i + 1 < argc) {
      known_path = argv[++i];
    } else {
      files.push_back(arg);
    }
  }
  if (suite.empty() || known_path.empty() || files.empty()) {
    std::cerr << "usage: schema_suite_driver --suite DIR --known FILE FILE...\n";
    return 2;
  }
  std::map<std::string, std::string> known;
  if (!LoadKnown(known_path, &known)) return 2;
  std::set<std::string> seen;
  Totals totals;
  for (const std::string& file : files) RunFile(suite, file, known, &seen, &totals);
  // An entry for a file that ran but naming no case is stale too (renamed or removed case).
  for (const auto& [name, reason] : known) {
    std::string file = name.substr(0, name.find(" / "));
    bool ran = false;
    for (const std::string& f : files) ran = ran || f == file;
    if (ran && !seen.count(name)) {
      std::cout << "STALE known failure names no case: " << name << "\n";
      ++totals.problems;
    }
  }
  std::cout << "draft7: " << totals.passed << " passed / " << totals.total << " total, "
            << totals.known << " known failures\n";
  return totals.problems == 0 ? 0 : 1;
}
