#include "reorg/render/graphviz.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <atomic>
#include <cctype>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reorg/base/atomic_file.hpp"
#include "reorg/base/error.hpp"
#include "reorg/base/escape.hpp"
#include "reorg/base/text.hpp"
#include "reorg/render/style.hpp"

// The plugin libraries linked in (FindGraphviz.cmake's Graphviz::plugins).
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;
}

namespace reorg::render {
namespace {

// gvContextPlugins() takes a null-terminated table of { "<name>_LTX_library", &library }.
const lt_symlist_t kBuiltins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
    {nullptr, nullptr},
};

// Graphviz reports errors through one process-wide callback; the living context collects them
// here so that a failure becomes a RenderError carrying Graphviz's own words.
std::atomic<bool> context_alive{false};
std::string* error_messages = nullptr;  // the living Graphviz object's errors_

int collect_error(char* message) {
    if (error_messages != nullptr && message != nullptr) error_messages->append(message);
    return 0;
}

[[noreturn]] void fail(std::string what) {
    std::string detail = error_messages != nullptr ? std::exchange(*error_messages, {}) : "";
    detail = std::string(base::trim(detail));
    throw RenderError(detail.empty() ? what : what + ": " + detail);
}

// cgraph writes a graph through an I/O discipline; this one appends to a std::string.
int put_string(void* channel, const char* text) {
    static_cast<std::string*>(channel)->append(text);
    return 0;
}
int flush_nothing(void*) { return 0; }
Agiodisc_t string_io{nullptr, put_string, flush_nothing};
// Object ids in creation order. Graphviz's own discipline makes a name's id the address of
// its interned string, and cgraph keeps subgraphs (clusters) sorted by id: their order, and
// with it the layout, would follow the heap and differ between runs of the same diagram.
// Named objects get even ids 2, 4, ... as they are created, anonymous ones (edges) odd ids.
struct CreationOrder {
    Agraph_t* graph = nullptr;
    std::unordered_map<std::string, IDTYPE> id_of;
    // names[k] has id 2(k+1). Interned with agstrdup(), as Graphviz's own discipline does: its
    // writers ask aghtmlstr() of a name, which reads the header of an interned string. The
    // graph's string dictionary frees them at agclose().
    std::vector<char*> names;
    IDTYPE anonymous = 1;
};
void* ids_open(Agraph_t* graph, Agdisc_t*) {
    auto* ids = new CreationOrder;
    ids->graph = graph;
    return ids;
}
long ids_map(void* state, int /*objtype*/, char* name, IDTYPE* id, int create) {
    auto& ids = *static_cast<CreationOrder*>(state);
    if (name == nullptr) {
        if (create == 0) return 0;
        *id = ids.anonymous;
        ids.anonymous += 2;
        return 1;
    }
    if (const auto found = ids.id_of.find(name); found != ids.id_of.end()) {
        *id = found->second;
        return 1;
    }
    if (create == 0) return 0;
    ids.names.push_back(agstrdup(ids.graph, name));
    *id = 2 * static_cast<IDTYPE>(ids.names.size());
    ids.id_of.emplace(name, *id);
    return 1;
}
long ids_alloc(void*, int, IDTYPE) { return 0; }  // no caller-chosen ids
void ids_free(void*, int, IDTYPE) {}              // names live as long as the graph
char* ids_print(void* state, int, IDTYPE id) {
    auto& ids = *static_cast<CreationOrder*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > ids.names.size()) return nullptr;
    return ids.names[id / 2 - 1];
}
void ids_close(void* state) { delete static_cast<CreationOrder*>(state); }
void ids_register(void*, int, void*) {}
Agiddisc_t creation_order_ids{ids_open,  ids_map,   ids_alloc,   ids_free,
                              ids_print, ids_close, ids_register};

Agdisc_t string_discipline{&AgMemDisc, &creation_order_ids, &string_io};

// The C API takes char* everywhere but does not write through it for these calls.
char* chars(const std::string& text) { return const_cast<char*>(text.c_str()); }
char* chars(const char* text) { return const_cast<char*>(text); }

struct GraphDeleter {
    void operator()(Agraph_t* graph) const noexcept { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

// Frees the layout before the graph is closed (members are destroyed in reverse order).
class LaidOut {
public:
    LaidOut(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
    LaidOut(const LaidOut&) = delete;
    LaidOut& operator=(const LaidOut&) = delete;
    ~LaidOut() { gvFreeLayout(context_, graph_); }

private:
    GVC_t* context_;
    Agraph_t* graph_;
};

// The layout engine: `dot`, or `nop2` (neato -n2), which keeps the positions of nodes and
// edges as given.
std::string engine_of(const Diagram& diagram) {
    return diagram.placement == Placement::Fixed ? "nop2" : "dot";
}

// Builds the cgraph graph of a Diagram.
class Builder {
public:
    explicit Builder(const Diagram& diagram)
        : graph_(agopen(chars("reorg"), diagram.directed ? Agdirected : Agundirected,
                        &string_discipline)) {
        if (!graph_) fail("cannot create a graph");
        // Defaults first: agattr() on the root sets the default every node, edge and cluster
        // starts from.
        for (const auto& attribute : diagram.node_defaults) declare(AGNODE, attribute);
        for (const auto& attribute : diagram.edge_defaults) declare(AGEDGE, attribute);
        for (const auto& attribute : diagram.graph) set(graph_.get(), AGRAPH, attribute);
        // The engine goes into the graph too, so that a written .dot file draws the same with
        // the Graphviz programs (`dot -Tsvg chart.dot` honours layout=nop2).
        set(graph_.get(), AGRAPH, {"layout", engine_of(diagram)});

        nodes_.reserve(diagram.nodes.size());
        std::string name;
        for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
            name = "n" + std::to_string(i);
            auto* node = agnode(graph_.get(), name.data(), 1);
            for (const auto& attribute : diagram.nodes[i].attributes) set(node, AGNODE, attribute);
            nodes_.push_back(node);
        }
        for (const auto& edge : diagram.edges) {
            if (edge.tail >= nodes_.size() || edge.head >= nodes_.size()) {
                throw RenderError("diagram edge names a node that does not exist");
            }
            auto* made = agedge(graph_.get(), nodes_[edge.tail], nodes_[edge.head], nullptr, 1);
            for (const auto& attribute : edge.attributes) set(made, AGEDGE, attribute);
        }
        for (const auto& cluster : diagram.clusters) add_cluster(graph_.get(), cluster);
    }

    [[nodiscard]] Agraph_t* graph() const noexcept { return graph_.get(); }

private:
    void add_cluster(Agraph_t* parent, const Cluster& cluster) {
        const auto name = "cluster_" + std::to_string(clusters_++);
        auto* sub = agsubg(parent, chars(name), 1);
        for (const auto& attribute : cluster.attributes) set(sub, AGRAPH, attribute);
        for (const auto node : cluster.nodes) {
            if (node >= nodes_.size()) {
                throw RenderError("diagram cluster names a node that does not exist");
            }
            agsubnode(sub, nodes_[node], 1);
        }
        for (const auto& inner : cluster.clusters) add_cluster(sub, inner);
    }

    [[nodiscard]] static std::string value_of(const Attribute& attribute) {
        if (attribute.kind != ValueKind::Text) return attribute.value;
        std::string clean;
        base::append_clean(clean, attribute.value);
        // Graphviz 2.42 expands a tooltip's escapes twice (once for the object, once more
        // writing the SVG title), a label's once.
        const auto once = style::graphviz_literal(clean);
        return attribute.name == "tooltip" ? style::graphviz_literal(once) : once;
    }

    void declare(int kind, const Attribute& attribute) {
        if (attribute.kind == ValueKind::Html) {
            // An HTML-like default would need agstrdup_html on a symbol; views set HTML labels
            // per object instead.
            throw RenderError("HTML-like default attributes are not supported");
        }
        agattr(graph_.get(), kind, chars(attribute.name), chars(value_of(attribute)));
    }

    // Sets an attribute on one object, declaring it (with an empty default) on first use.
    void set(void* object, int kind, const Attribute& attribute) {
        auto* symbol = agattr(graph_.get(), kind, chars(attribute.name), nullptr);
        if (symbol == nullptr)
            symbol = agattr(graph_.get(), kind, chars(attribute.name), chars(""));
        if (attribute.kind == ValueKind::Html) {
            // agxset() interns the value; interning the same text as HTML first makes it an
            // HTML-like string (the reference agstrdup_html() took is then given back).
            char* html = agstrdup_html(graph_.get(), chars(attribute.value));
            agxset(object, symbol, html);
            agstrfree(graph_.get(), html);
        } else {
            agxset(object, symbol, chars(value_of(attribute)));
        }
    }

    GraphPtr graph_;
    std::vector<Agnode_t*> nodes_;
    std::size_t clusters_ = 0;
};

// The renderer each format asks for, spelled "format:renderer:plugin" so that the choice never
// depends on which plugins happen to be installed.
const char* renderer_of(Format format) {
    switch (format) {
        case Format::Svg:
            return "svg:svg:core";
        case Format::Png:
            return "png:cairo:cairo";
        case Format::Pdf:
            return "pdf:cairo:cairo";
        case Format::Dot:
            break;
    }
    return "dot:dot:core";
}

// Cairo 1.16 stamps every PDF with the time it was made; the same diagram must give the same
// bytes, so the stamp becomes the Unix epoch. The digits are overwritten in place, keeping the
// length, so the cross-reference offsets stay valid.
void clear_pdf_dates(std::string& pdf) {
    for (const std::string_view key : {"/CreationDate (D:", "/ModDate (D:"}) {
        for (auto at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
            constexpr std::string_view kEpoch = "19700101000000";
            auto digit = at + key.size();
            for (std::size_t i = 0; i < kEpoch.size() && digit < pdf.size(); ++i, ++digit) {
                if (pdf[digit] < '0' || pdf[digit] > '9') break;
                pdf[digit] = kEpoch[i];
            }
            // A local offset ("-05'00") becomes "+00'00", the same length. (UTC is written "Z",
            // shorter: the reorg command runs in UTC so that its PDFs never differ.)
            if (digit < pdf.size() && (pdf[digit] == '+' || pdf[digit] == '-')) {
                pdf[digit++] = '+';
                for (; digit < pdf.size() &&
                       (std::isdigit(static_cast<unsigned char>(pdf[digit])) || pdf[digit] == '\'');
                     ++digit) {
                    if (pdf[digit] != '\'') pdf[digit] = '0';
                }
            }
        }
    }
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) noexcept {
    for (const auto format : {Format::Dot, Format::Svg, Format::Png, Format::Pdf}) {
        if (base::iequals_ascii(name, to_string(format))) return format;
    }
    return std::nullopt;
}

std::optional<Format> format_of(const std::filesystem::path& path) {
    const auto extension = path.extension().string();
    if (extension.size() < 2) return std::nullopt;
    return parse_format(std::string_view(extension).substr(1));
}

std::string_view to_string(Format format) noexcept {
    switch (format) {
        case Format::Dot:
            return "dot";
        case Format::Svg:
            return "svg";
        case Format::Png:
            return "png";
        case Format::Pdf:
            return "pdf";
    }
    return "dot";
}

Graphviz::Graphviz() {
    if (context_alive.exchange(true)) {
        throw RenderError("a Graphviz context already exists in this process");
    }
    // Graphviz 2.42's pango plugin remembers the last font name it measured by pointer, and
    // that string belongs to the context: after gvFreeContext() the next context would read
    // freed memory (ASan finds it). So the process makes one context, on first use, and keeps
    // it until exit; Graphviz objects take turns holding it.
    static GVC_t* const shared = gvContextPlugins(kBuiltins, 0);
    if (shared == nullptr) {
        context_alive = false;
        throw RenderError("cannot create a Graphviz context");
    }
    context_ = shared;
    error_messages = &errors_;
    agseterr(AGERR);  // errors only: warnings about label sizes are not the user's concern
    agseterrf(collect_error);
}

Graphviz::~Graphviz() {
    agseterrf(nullptr);
    error_messages = nullptr;
    context_alive = false;
}

std::string Graphviz::render(const Diagram& diagram, Format format) {
    error_messages->clear();
    Builder builder(diagram);
    std::string out;
    if (format == Format::Dot) {
        // The graph as built: cgraph's writer quotes and escapes every string.
        if (agwrite(builder.graph(), &out) != 0) fail("cannot write the DOT text");
        return out;
    }
    const auto engine = engine_of(diagram);
    // The layout is freed however this ends, even when gvLayout() failed half-way.
    const int status = gvLayout(context_, builder.graph(), engine.c_str());
    const LaidOut laid_out(context_, builder.graph());
    // Graphviz reports some errors (a malformed HTML-like label, say) and carries on with a
    // degraded drawing: any error it reported fails the rendering.
    if (status != 0 || !error_messages->empty()) fail("Graphviz layout failed");
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(context_, builder.graph(), renderer_of(format), &data, &length) != 0 ||
        !error_messages->empty()) {
        if (data != nullptr) gvFreeRenderData(data);
        fail("Graphviz could not render " + std::string(to_string(format)));
    }
    out.assign(data, length);
    gvFreeRenderData(data);
    if (format == Format::Pdf) clear_pdf_dates(out);
    return out;
}

void Graphviz::render_to_file(const Diagram& diagram, Format format,
                              const std::filesystem::path& path) {
    const auto bytes = render(diagram, format);
    base::AtomicFile file(path);
    file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.commit();
}

}  // namespace reorg::render
