#pragma once
// Reading rendered SVG back as XML in tests: it must parse, and its text is what a reader sees.
#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace reorg::test {

/// The SVG parsed as XML; fails the test if it is not well-formed.
struct Svg {
    pugi::xml_document document;

    explicit Svg(const std::string& text) {
        const auto result = document.load_buffer(text.data(), text.size());
        INFO("XML parse: " << result.description() << " at byte " << result.offset);
        REQUIRE(result);
        REQUIRE(std::string_view(document.document_element().name()) == "svg");
    }

    /// The contents of every <text> element, in document order (entities resolved).
    [[nodiscard]] std::vector<std::string> texts() const {
        std::vector<std::string> result;
        for (const auto& node : document.select_nodes("//*[local-name()='text']")) {
            result.emplace_back(node.node().text().get());
        }
        return result;
    }

    /// Whether some <text> element reads exactly `text`.
    [[nodiscard]] bool has_text(std::string_view text) const {
        for (const auto& t : texts()) {
            if (t == text) return true;
        }
        return false;
    }

    /// Elements with this local name anywhere in the document.
    [[nodiscard]] std::size_t count(std::string_view name) const {
        const auto query = "//*[local-name()='" + std::string(name) + "']";
        return document.select_nodes(query.c_str()).size();
    }
};

}  // namespace reorg::test
