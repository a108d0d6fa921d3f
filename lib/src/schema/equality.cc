#include "schema/equality.h"

#include <cmath>
#include <cstring>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace mcpolicy::schema {
namespace {

using json::Type;
using json::Value;

Type Normalized(Type t) { return t == Type::kKey ? Type::kString : t; }

bool NumbersEqual(Value a, Value b) {
  bool a_over = (a.node().flags() & json::kFlagOverflow) != 0;
  bool b_over = (b.node().flags() & json::kFlagOverflow) != 0;
  if (a_over || b_over) return a_over && b_over && a.raw_number() == b.raw_number();
  return a.as_number() == b.as_number();
}

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

uint64_t NodeHash(Value v) {
  Type t = Normalized(v.type());
  uint64_t h = static_cast<uint64_t>(t) * 0x100000001b3ull;
  switch (t) {
    case Type::kBool:
      h ^= v.as_bool() ? 1 : 2;
      break;
    case Type::kNumber: {
      double d = v.as_number();
      if (d == 0) d = 0;  // -0 equals 0
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      h ^= bits;
      break;
    }
    case Type::kString:
      h ^= std::hash<std::string_view>()(v.as_string());
      break;
    case Type::kArray:
    case Type::kObject:
      h ^= v.size();
      break;
    default:
      break;
  }
  return Mix(h);
}

}  // namespace

bool JsonEqual(Value a, Value b) {
  Type ta = a.type();
  if (ta != Type::kArray && ta != Type::kObject) {  // scalars: no stack, no allocation
    Type tb = Normalized(b.type());
    if (Normalized(ta) != tb) return false;
    switch (tb) {
      case Type::kBool: return a.as_bool() == b.as_bool();
      case Type::kNumber: return NumbersEqual(a, b);
      case Type::kString: return a.as_string() == b.as_string();
      default: return true;
    }
  }
  std::vector<std::pair<Value, Value>> stack;
  stack.emplace_back(a, b);
  while (!stack.empty()) {
    auto [x, y] = stack.back();
    stack.pop_back();
    Type t = Normalized(x.type());
    if (t != Normalized(y.type())) return false;
    switch (t) {
      case Type::kNull:
        break;
      case Type::kBool:
        if (x.as_bool() != y.as_bool()) return false;
        break;
      case Type::kNumber:
        if (!NumbersEqual(x, y)) return false;
        break;
      case Type::kString:
        if (x.as_string() != y.as_string()) return false;
        break;
      case Type::kArray: {
        if (x.size() != y.size()) return false;
        auto yi = y.elements().begin();
        for (Value e : x.elements()) {
          stack.emplace_back(e, *yi);
          ++yi;
        }
        break;
      }
      case Type::kObject:
        if (x.size() != y.size()) return false;
        for (const auto& m : x.members()) {
          Value other = y.Find(m.name());
          if (!other.valid()) return false;
          stack.emplace_back(m.value, other);
        }
        break;
      case Type::kKey:
        break;
    }
  }
  return true;
}

uint64_t JsonHash(Value v) {
  // An order-insensitive sum over every node of the subtree: object members may come in any
  // order. Element order is lost too, which only costs a JsonEqual call on a collision.
  Type t = v.type();
  if (t != Type::kArray && t != Type::kObject) return NodeHash(v);
  uint32_t end = v.node().payload;
  uint64_t sum = 0;
  for (uint32_t i = v.index(); i < end; ++i) sum += NodeHash(Value(&v.document(), i));
  return Mix(sum);
}

}  // namespace mcpolicy::schema
