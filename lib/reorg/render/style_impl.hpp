#pragma once
// Template definitions of style.hpp.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace reorg::render::style {

namespace detail {
[[nodiscard]] std::span<const std::string_view> sequential_colours() noexcept;
}

template <class Label>
std::vector<LegendEntry> sequential_entries(double max, Label&& label) {
    const auto colours = detail::sequential_colours();
    std::vector<LegendEntry> entries;
    const auto classes = static_cast<double>(colours.size());
    for (std::size_t i = 0; i < colours.size(); ++i) {
        const double from = max * static_cast<double>(i) / classes;
        const double to = max * static_cast<double>(i + 1) / classes;
        entries.push_back({std::string(colours[i]), label(from, to), "", std::string(kInk)});
    }
    return entries;
}

}  // namespace reorg::render::style
