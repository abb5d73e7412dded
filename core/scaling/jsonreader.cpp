#include "jsonreader.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace scalescope {

namespace {
const char* typeName(const Json& j) {
    switch (j.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::binary:
        return "binary data";
    case Json::value_t::discarded:
        return "invalid";
    default:
        return "a number";
    }
}
} // namespace

Json parseJsonText(const std::string& text, const std::string& what) {
    if (text.size() > kMaxJsonBytes)
        throw ValidationError(what, "is " + std::to_string(text.size() >> 20) +
                                        " MiB; a configuration is at most " +
                                        std::to_string(kMaxJsonBytes >> 20) + " MiB");
    // Depth check by scanning brackets outside strings: constant stack, linear time.
    int depth = 0;
    bool inString = false, escaped = false;
    size_t line = 1;
    for (char c : text) {
        if (c == '\n') ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth)
                throw ValidationError(what, "is nested more than " + std::to_string(kMaxJsonDepth) +
                                                " levels deep (line " + std::to_string(line) +
                                                "); not a ScaleScope file");
        } else if (c == '}' || c == ']')
            --depth;
    }
    try {
        return Json::parse(text);
    } catch (const Json::exception& e) { // parse_error, and out_of_range for 1e999
        // nlohmann's message already gives line and column.
        std::string msg = e.what();
        const auto pos = msg.find("] "); // drop "[json.exception.parse_error.101] "
        throw ValidationError(what, "is not valid JSON: " +
                                        (pos == std::string::npos ? msg : msg.substr(pos + 2)));
    }
}

Json parseJsonFile(const std::string& path) {
    // libstdc++ opens a directory as a stream whose size reads as 2^63 - 1: say what it is.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw ValidationError(path, "is a folder, not a configuration file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ValidationError(path, "cannot be opened (missing or unreadable)");
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0) throw ValidationError(path, "cannot be read");
    if (size_t(size) > kMaxJsonBytes)
        throw ValidationError(path, "is too large for a configuration (" +
                                        std::to_string(size_t(size) >> 20) + " MiB)");
    in.seekg(0);
    std::string text(size_t(size), '\0');
    in.read(text.data(), size);
    if (!in) throw ValidationError(path, "could not be read completely");
    return parseJsonText(text, path);
}

ObjectReader::ObjectReader(const Json& j, std::string path) : m_json(j), m_path(std::move(path)) {
    if (!j.is_object())
        throw ValidationError(m_path.empty() ? "(top level)" : m_path,
                              std::string("must be a JSON object, not ") + typeName(j));
}

std::string ObjectReader::field(const std::string& key) const {
    return m_path.empty() ? key : m_path + "." + key;
}

bool ObjectReader::has(const std::string& key) const {
    return m_json.contains(key) && !m_json.at(key).is_null();
}

const Json& ObjectReader::raw(const std::string& key) {
    m_read.insert(key);
    if (!m_json.contains(key)) throw ValidationError(field(key), "is required but missing");
    return m_json.at(key);
}

double ObjectReader::number(const std::string& key) {
    const Json& v = raw(key);
    if (!v.is_number())
        throw ValidationError(field(key), std::string("must be a number, not ") + typeName(v));
    const double d = v.get<double>();
    if (!std::isfinite(d)) throw ValidationError(field(key), "must be a finite number");
    return d;
}

double ObjectReader::number(const std::string& key, double fallback) {
    m_read.insert(key);
    return has(key) ? number(key) : fallback;
}

int ObjectReader::integer(const std::string& key) {
    const Json& v = raw(key);
    if (v.is_number_integer()) {
        if (v.is_number_unsigned()
                ? v.get<std::uint64_t>() > std::uint64_t(INT32_MAX)
                : (v.get<std::int64_t>() > INT32_MAX || v.get<std::int64_t>() < INT32_MIN))
            throw ValidationError(field(key), "is out of range for an integer");
        return v.get<int>();
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= INT32_MAX) return int(d);
        throw ValidationError(field(key), "must be a whole number");
    }
    throw ValidationError(field(key), std::string("must be an integer, not ") + typeName(v));
}

int ObjectReader::integer(const std::string& key, int fallback) {
    m_read.insert(key);
    return has(key) ? integer(key) : fallback;
}

std::string ObjectReader::string(const std::string& key) {
    const Json& v = raw(key);
    if (!v.is_string())
        throw ValidationError(field(key), std::string("must be a string, not ") + typeName(v));
    return v.get<std::string>();
}

std::string ObjectReader::string(const std::string& key, const std::string& fallback) {
    m_read.insert(key);
    return has(key) ? string(key) : fallback;
}

bool ObjectReader::boolean(const std::string& key, bool fallback) {
    m_read.insert(key);
    if (!has(key)) return fallback;
    const Json& v = m_json.at(key);
    if (!v.is_boolean())
        throw ValidationError(field(key), std::string("must be true or false, not ") + typeName(v));
    return v.get<bool>();
}

void ObjectReader::requireFormat(const std::string& format, int version) {
    if (string("format") != format)
        throw ValidationError(field("format"), "is not \"" + format + "\"");
    const int v = integer("version");
    if (v != version)
        throw ValidationError(field("version"), std::to_string(v) +
                                                    " is not a version this build reads (" +
                                                    std::to_string(version) + ")");
}

void ObjectReader::finish() const {
    for (auto it = m_json.begin(); it != m_json.end(); ++it) {
        if (!m_read.count(it.key())) {
            std::string known;
            for (const auto& k : m_read)
                known += (known.empty() ? "" : ", ") + k;
            throw ValidationError(field(it.key()), "unknown key (known here: " + known + ")");
        }
    }
}

} // namespace scalescope
