#include "format.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace scalescope {

std::string withThousands(std::int64_t v) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

std::string shortCount(double v) {
    const char* unit = "";
    double x = v;
    if (std::fabs(v) >= 1e9) {
        x = v / 1e9;
        unit = " G";
    } else if (std::fabs(v) >= 1e6) {
        x = v / 1e6;
        unit = " M";
    } else if (std::fabs(v) >= 1e3) {
        x = v / 1e3;
        unit = " K";
    }
    char buf[64];
    // Three significant digits, the precision papers quote (0.39B, 5.3M, 19.0B).
    std::snprintf(buf, sizeof buf,
                  std::fabs(x) >= 100  ? "%.0f%s"
                  : std::fabs(x) >= 10 ? "%.1f%s"
                                       : "%.2f%s",
                  x, unit);
    return buf;
}

std::string shortBytes(double b) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (std::fabs(b) >= 1024 && u < 4) {
        b /= 1024;
        ++u;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.2f %s", b, units[u]);
    return buf;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string compactDecimal(double v) {
    std::string s = fixed(v, 3);
    while (s.back() == '0' && s[s.size() - 2] != '.')
        s.pop_back();
    return s;
}

std::string csvNumber(double v) {
    if (!std::isfinite(v)) return {};
    std::ostringstream os;
    os.precision(8);
    os << v;
    return os.str();
}

std::string csvQuoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string percentCell(double fraction) {
    return std::isfinite(fraction) ? fixed(100.0 * fraction, 2) + "%" : std::string("-");
}

std::string clockTime(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "--:--";
    const long t = long(seconds + 0.5);
    char buf[32];
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%02ld:%02ld", t / 60, t % 60);
    return buf;
}

} // namespace scalescope
