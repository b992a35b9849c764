#pragma once
// Parsing an enum from its name, with the error listing every valid name, so
// "optimizer must be one of sgd, momentum, ..., got 'lbfgs'" is written once.
#include <string>
#include <string_view>

#include "errors.hpp"

namespace mlp {

template <class E, std::size_t N>
E enum_from_name(std::string_view name, const E (&all)[N], const char* (*name_of)(E), const Field& field) {
  for (E e : all)
    if (name == name_of(e)) return e;
  std::string choices;
  for (E e : all) choices += (choices.empty() ? "" : ", ") + std::string(name_of(e));
  fail_arg(field, "be one of " + choices, "'" + std::string(name) + "'");
}

}  // namespace mlp
