#include "reorg/io/yaml_document.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/io/text_input.hpp"

namespace reorg::io {
namespace {

// Where each document of a stream starts and where its root node is, from the parser's events;
// nothing is built.
class DocumentRoots final : public YAML::EventHandler {
public:
    std::vector<YAML::Mark> starts;  // per document

    /// The root node of document `document`, or where the document starts without one.
    [[nodiscard]] const YAML::Mark& root(std::size_t document) const {
        return document < roots_.size() ? roots_[document] : starts[document];
    }

    void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        node(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        node(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        node(mark);
    }
    void OnMapEnd() override {}

private:
    void node(const YAML::Mark& mark) {
        if (roots_.size() < starts.size()) roots_.push_back(mark);
    }
    std::vector<YAML::Mark> roots_;  // per document that has reached its first node
};

// Whether `root`, the first document of `bytes` as YAML::Load built it, is the stream's only
// document, told without parsing the stream again. It is when the root is a block map or list
// at column 0 and no line from the root's on starts as a document marker (`---`, `...`) or a
// directive (`%`) can: such a collection reaches to the end of the stream, since nothing at
// column 0 but a marker or the stream's end closes it (anything else there continues it or is
// an error), and a parser closes every document at a marker. Every other stream is scanned.
bool only_document(const YAML::Node& root, std::string_view bytes) {
    if (!root.IsMap() && !root.IsSequence()) return false;
    if (root.Style() != YAML::EmitterStyle::Block) return false;
    const auto mark = root.Mark();
    if (mark.column != 0 || mark.pos < 0) return false;
    for (auto line = static_cast<std::size_t>(mark.pos); line < bytes.size();) {
        const auto rest = bytes.substr(line);
        if (rest.starts_with("---") || rest.starts_with("...") || rest.front() == '%') {
            return false;
        }
        const auto end = bytes.find('\n', line);
        if (end == std::string_view::npos) break;
        line = end + 1;
    }
    return true;
}

}  // namespace

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
        // The common case, a block map or list with no second document possible, is parsed
        // once; any other stream is first scanned for its documents, below.
        auto root = YAML::Load(bytes);
        if (only_document(root, bytes)) return root;
        // Not YAML::LoadAll: yaml-cpp 0.7 never returns from it, filling memory, when a document
        // starts with a token no node can start with (a `,`, `]` or `}` where a value belongs:
        // yaml-cpp issue 1040): the parser then reports an empty document there again and again.
        // So the stream's first documents are scanned here, at most three, and only the first is
        // built (above). A document that starts where the one before it did is that stuck parser.
        std::istringstream stream(bytes);
        YAML::Parser parser(stream);
        DocumentRoots roots;
        while (roots.starts.size() < 3 && parser.HandleNextDocument(roots)) {
        }
        const auto& starts = roots.starts;
        for (std::size_t d = 1; d < starts.size(); ++d) {
            if (starts[d].pos != starts[d - 1].pos) continue;
            const auto at = static_cast<std::size_t>(std::max(starts[d].pos, 0));
            const char c = at < bytes.size() ? bytes[at] : ' ';
            throw InputError({file, static_cast<std::uint32_t>(std::max(starts[d].line, 0) + 1)},
                             c > ' ' && c < 0x7f
                                 ? std::string("invalid YAML: unexpected `") + c + "`"
                                 : std::string("invalid YAML"));
        }
        if (starts.size() > 1) {
            // Silently reading the first and dropping the rest would lose what the user wrote.
            const auto line = static_cast<std::uint32_t>(std::max(roots.root(1).line, 0) + 1);
            throw InputError({file, line},
                             "a second YAML document (after `---`): the file must hold one");
        }
        if (starts.empty()) return YAML::Node();
        return root;
    } catch (const YAML::DeepRecursion& e) {
        throw InputError({file, static_cast<std::uint32_t>(e.mark.line + 1)},
                         "lists and maps nested too deeply");
    } catch (const YAML::Exception& e) {
        rethrow_yaml_error(file, e);
    }
}

}  // namespace reorg::io
