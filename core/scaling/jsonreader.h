// Strict reading of user JSON: every key must be known, every value of the right type and
// finite; the first problem becomes a ValidationError naming the field's full path.
#pragma once

#include "archspec.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace scalescope {

using Json = nlohmann::json;

constexpr int kMaxJsonDepth = 64;                // configs are ~4 levels deep
constexpr std::size_t kMaxJsonBytes = 16u << 20; // 16 MiB: a config is a few KiB

// Parses text as JSON after checking its size and nesting depth without recursion, so a
// file nested 100,000 deep is refused at once. `what` names the source in messages.
Json parseJsonText(const std::string& text, const std::string& what);
// Reads a whole file (clear message when missing or unreadable) and parses it.
Json parseJsonFile(const std::string& path);

class ObjectReader {
  public:
    ObjectReader(const Json& j, std::string path);
    bool has(const std::string& key) const;
    const Json& raw(const std::string& key);                  // marks the key as read
    void skip(const std::string& key) { m_read.insert(key); } // optional, absent or null
    double number(const std::string& key);
    double number(const std::string& key, double fallback);
    int integer(const std::string& key);
    int integer(const std::string& key, int fallback);
    std::string string(const std::string& key);
    std::string string(const std::string& key, const std::string& fallback);
    bool boolean(const std::string& key, bool fallback);
    std::string field(const std::string& key) const; // "stages[2].kernel"
    // A file that says what it is: "format" must be `format` and "version" `version`.
    void requireFormat(const std::string& format, int version);
    // Throws for the first key that was never read.
    void finish() const;

  private:
    const Json& m_json;
    std::string m_path;
    std::set<std::string> m_read;
};

} // namespace scalescope
