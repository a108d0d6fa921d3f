// Recognising Intercept policies by content among the YAML files a repository holds.
#include <catch2/catch.hpp>
#include <string>

#include "yaml/recognise.h"

namespace mcpolicy::yaml {
namespace {

struct Row {
  const char* name;
  const char* text;
  Likeness expected;
};

TEST_CASE("recognise: Intercept policies against other YAML", "[yaml]") {
  const Row rows[] = {
      {"scaffold", R"(version: "1"
description: "Policy for a database server"
tools:
  # Read
  list_tables:
    rules: []
  run_query:
    rules: []
)", Likeness::kPolicy},
      {"hide and default only", "version: \"1\"\ndefault: deny\nhide: [drop_table]\n", Likeness::kPolicy},
      {"wildcard rules", "version: '1'\ntools:\n  \"*\":\n    rules:\n      - name: all\n        rate_limit: 60/minute\n",
       Likeness::kPolicy},
      {"misspelt keys", "verison: \"1\"\ndefualt: deny\ntools:\n  a:\n    rules: []\n", Likeness::kPolicy},
      {"hosted keys in YAML", "version: \"1\"\ndefault: deny\nall_tools:\n  limits: []\n", Likeness::kPolicy},
      {"tools without version", "tools:\n  kubectl:\n    version: 1.29\n  helm:\n    version: 3.14\n",
       Likeness::kMaybe},
      {"GitHub Actions workflow", R"(name: ci
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make test
)", Likeness::kNotPolicy},
      {"compose file", R"(version: "3.8"
services:
  web:
    image: nginx:1.25
    ports: ["8080:80"]
volumes:
  data: {}
)", Likeness::kNotPolicy},
      {"Kubernetes deployment", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: gateway
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: gateway
          image: example/gateway:1.0
)", Likeness::kNotPolicy},
      {"GitLab CI", "stages: [test]\ndefault:\n  image: debian:12\ntest:\n  stage: test\n  script: [make test]\n",
       Likeness::kNotPolicy},
      {"dependabot", "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n", Likeness::kNotPolicy},
      {"OpenAPI", "openapi: 3.0.3\ninfo:\n  title: API\n  version: 1.0.0\npaths: {}\n", Likeness::kNotPolicy},
      {"Ansible playbook", "- hosts: all\n  tasks:\n    - name: ping\n      ping:\n", Likeness::kNotPolicy},
      {"mkdocs", "site_name: Docs\nnav:\n  - Home: index.md\ntheme:\n  name: material\n", Likeness::kNotPolicy},
      {"pre-commit config", "repos:\n  - repo: local\n    hooks:\n      - id: lint\n", Likeness::kNotPolicy},
      {"scalar document", "just text\n", Likeness::kNotPolicy},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    Tree t = Tree::Parse(row.text);
    REQUIRE(t.ok());
    Recognition r = RecogniseInterceptPolicy(t);
    INFO(r.reason << " (score " << r.score << ")");
    CHECK(r.likeness == row.expected);
  }
  CHECK(RecogniseInterceptPolicy(Tree::Parse("a: [")).likeness == Likeness::kNotPolicy);
}

}  // namespace
}  // namespace mcpolicy::yaml
