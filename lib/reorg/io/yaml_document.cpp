#include "reorg/io/yaml_document.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/io/text_input.hpp"

namespace reorg::io {

std::uint32_t line_of(const YAML::Node& node) {
    const auto mark = node.Mark();
    return mark.line >= 0 ? static_cast<std::uint32_t>(mark.line + 1) : 0;
}

void rethrow_yaml_error(const std::string& file, const YAML::Exception& error) {
    const auto line = error.mark.line >= 0 ? static_cast<std::uint32_t>(error.mark.line + 1) : 0;
    throw InputError({file, line}, error.msg);
}

YAML::Node read_yaml_file(const std::filesystem::path& path, const TextOptions& text) {
    const std::string file = path.string();
    Diagnostics diagnostics;
    auto read = read_text(path, diagnostics, text);
    if (!read) diagnostics.throw_if_errors();
    std::string& bytes = *read;
    // YAML ends a line with LF, CR LF or a lone CR (YAML 1.2 §5.4), and a parser reads each as
    // LF; yaml-cpp 0.7 knows only the first two, and reads a file with lone CRs (Excel for Mac,
    // old Mac editors) as one long line that does not parse. Each lone CR becomes the LF it
    // stands for: same lines, same columns.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r' && base::ends_line(bytes, i)) bytes[i] = '\n';
    }
    try {
        auto documents = YAML::LoadAll(bytes);
        if (documents.empty()) return YAML::Node();
        if (documents.size() > 1) {
            // Silently reading the first and dropping the rest would lose what the user wrote.
            throw InputError({file, line_of(documents[1])},
                             "a second YAML document (after `---`): the file must hold one");
        }
        return documents.front();
    } catch (const YAML::DeepRecursion& e) {
        throw InputError({file, static_cast<std::uint32_t>(e.mark.line + 1)},
                         "lists and maps nested too deeply");
    } catch (const YAML::Exception& e) {
        rethrow_yaml_error(file, e);
    }
}

}  // namespace reorg::io
