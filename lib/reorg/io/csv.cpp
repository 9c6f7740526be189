#include "reorg/io/csv.hpp"

#include <array>

#include "reorg/base/text.hpp"

namespace reorg::io {
namespace {

char detect_separator(std::string_view bytes) {
    std::array<std::size_t, 3> counts{};  // , ; tab
    bool quoted = false;
    // The header is the first line that is not blank.
    while (!bytes.empty() && (bytes.front() == '\n' || bytes.front() == '\r')) {
        bytes.remove_prefix(1);
    }
    for (const char c : bytes) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        if (c == ',') ++counts[0];
        if (c == ';') ++counts[1];
        if (c == '\t') ++counts[2];
    }
    if (counts[1] > counts[0] && counts[1] >= counts[2]) return ';';
    if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
    return ',';
}

}  // namespace

CsvReader::CsvReader(std::string bytes) : bytes_(std::move(bytes)) {
    if (bytes_.starts_with("\xEF\xBB\xBF")) position_ = 3;
    separator_ = detect_separator(std::string_view(bytes_).substr(position_));
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    char* const data = bytes_.data();
    const std::size_t size = bytes_.size();
    std::size_t i = position_;

    // Blank lines are not records. A line ends in CRLF, LF or a lone CR (Excel for Mac).
    while (i < size && (data[i] == '\n' || data[i] == '\r')) {
        if (base::ends_line({data, size}, i)) ++line_;
        ++i;
    }
    if (i >= size || unterminated_) {
        position_ = size;
        return false;
    }
    record.line = line_;

    for (;;) {
        // One field, starting at i.
        if (data[i] == '"') {
            const std::uint32_t opened_on = line_;
            std::size_t out = i;  // unescaped bytes are written back from the field's start
            std::size_t in = i + 1;
            bool closed = false;
            while (in < size) {
                const char c = data[in];
                if (c == '"') {
                    if (in + 1 < size && data[in + 1] == '"') {
                        data[out++] = '"';
                        in += 2;
                        continue;
                    }
                    closed = true;
                    ++in;
                    break;
                }
                if (base::ends_line({data, size}, in)) ++line_;
                data[out++] = c;
                ++in;
            }
            if (!closed) {
                unterminated_ = opened_on;
                position_ = size;
                return false;
            }
            // Text after the closing quote is kept as written (spreadsheets do so).
            while (in < size && data[in] != separator_ && data[in] != '\n' && data[in] != '\r') {
                data[out++] = data[in++];
            }
            record.fields.emplace_back(data + i, out - i);
            i = in;
        } else {
            const std::size_t start = i;
            while (i < size && data[i] != separator_ && data[i] != '\n' && data[i] != '\r') ++i;
            record.fields.emplace_back(data + start, i - start);
        }

        if (i < size && data[i] == separator_) {
            ++i;
            if (i >= size || data[i] == '\n' || data[i] == '\r') {
                record.fields.emplace_back();  // a trailing separator ends with an empty field
            } else {
                continue;
            }
        }
        // End of record: CRLF, LF, a lone CR, or the end of input.
        if (i < size && (data[i] == '\r' || data[i] == '\n')) {
            if (data[i] == '\r' && i + 1 < size && data[i + 1] == '\n') ++i;
            ++i;
            ++line_;
        }
        position_ = i;
        return true;
    }
}

}  // namespace reorg::io
