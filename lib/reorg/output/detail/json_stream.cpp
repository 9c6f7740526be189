#include "reorg/output/detail/json_stream.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

namespace reorg::output::detail {

void dump_with_streamed_array(
    std::ostream& out, const nlohmann::ordered_json& head, std::string_view key, std::size_t count,
    const std::function<void(std::size_t, nlohmann::ordered_json&)>& fill) {
    // dump(2) of an object ends "\n}"; the member goes before that, at an indent of 2, and its
    // elements at 4. JSON strings hold no raw newline, so every '\n' of an element's own dump
    // starts one of its lines.
    std::string text = head.dump(2);
    text.resize(text.size() - 2);
    out << text << ",\n  " << nlohmann::ordered_json(key).dump() << ": ";
    if (count == 0) {
        out << "[]\n}";
        return;
    }
    out << "[\n";
    nlohmann::ordered_json element;
    std::string shifted;
    for (std::size_t i = 0; i < count; ++i) {
        fill(i, element);
        const std::string dumped = element.dump(2);
        shifted.assign(i == 0 ? "    " : ",\n    ");
        for (std::size_t line = 0; line < dumped.size();) {
            const auto end = std::min(dumped.find('\n', line), dumped.size() - 1) + 1;
            shifted.append(dumped, line, end - line);
            if (dumped[end - 1] == '\n') shifted += "    ";
            line = end;
        }
        out << shifted;
    }
    out << "\n  ]\n}";
}

}  // namespace reorg::output::detail
