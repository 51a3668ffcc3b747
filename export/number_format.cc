#include "export/number_format.h"

#include <charconv>
#include <cmath>

namespace eg {

std::string FormatDouble(double value) {
  if (!std::isfinite(value) || value == 0.0) value = 0.0;  // also turns -0 into 0
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

double RoundMeasure(double value) {
  if (!std::isfinite(value)) return 0.0;
  return std::round(value * 1e6) / 1e6;
}

}  // namespace eg
