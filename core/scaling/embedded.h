// Resource files compiled into the library (see cmake/EmbedResources.cmake).
#pragma once

#include <cstddef>

namespace scalescope::embedded {
struct File {
    const char* path; // relative to resources/, e.g. "specs/efficientnet-b0.json"
    const char* text;
};
extern const File kFiles[];
extern const std::size_t kFileCount;
} // namespace scalescope::embedded
