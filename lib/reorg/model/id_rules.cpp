#include "reorg/model/id_rules.hpp"

#include <cstddef>
#include <cstdint>

#include "reorg/base/utf8.hpp"

namespace reorg::model {

std::optional<std::string> id_problem(std::string_view id, std::string_view what) {
    if (id.empty()) return std::string(what) + " is empty";
    static constexpr char kHex[] = "0123456789abcdef";
    const auto escaped = [](std::uint32_t code) {
        return std::string{'\\', 'x', kHex[code >> 4U], kHex[code & 0xFU]};
    };
    const auto problem = [&](std::string_view kind, const std::string& shown,
                             std::size_t character) {
        return std::string(what) + " holds " + std::string(kind) + " (" + shown +
               ") at character " + std::to_string(character) + "; ids may not";
    };
    std::size_t character = 1;  // the place of the one starting at id[i]
    for (std::size_t i = 0; i < id.size(); ++character) {
        const auto byte = static_cast<unsigned char>(id[i]);
        if (byte < 0x80) {
            if (byte < 0x20 || byte == 0x7F) {
                return problem("a control character", escaped(byte), character);
            }
            ++i;
            continue;
        }
        std::uint32_t code = 0;
        const auto length = base::decode_utf8(id, i, code);
        if (length == 0) return problem("a byte that is not UTF-8", escaped(byte), character);
        // A C1 control is shown by its code point, as the terminal output shows it.
        if (code <= 0x9F) return problem("a control character", escaped(code), character);
        if (code == 0xFFFE || code == 0xFFFF) {
            return problem("a non-character", code == 0xFFFE ? "U+FFFE" : "U+FFFF", character);
        }
        i += length;
    }
    return std::nullopt;
}

}  // namespace reorg::model
