// Human-readable figures shared by the CLI and the GUI.
#pragma once

#include <cstdint>
#include <string>

namespace scalescope {

std::string withThousands(std::int64_t v);   // 5,288,548
std::string shortCount(double v);            // 5.29 M, 0.386 G
std::string shortBytes(double bytes);        // 11.7 GiB
std::string fixed(double v, int decimals);   // 1.9203
std::string compactDecimal(double v);        // at most 3 decimals, no trailing zeros: 1.2, 1.15
std::string csvNumber(double v);             // 8 significant digits; empty for NaN or infinity
std::string csvQuoted(const std::string& s); // "in quotes", inner quotes doubled
std::string clockTime(double seconds);       // 01:05, 1:02:03; --:-- for NaN or below 0
std::string percentCell(double fraction);    // 93.25%; "-" for NaN (nothing measured)

} // namespace scalescope
