// Diagnostics keep every message to a readable line, whatever the input quoted in it.
#include "reorg/base/error.hpp"

#include <catch2/catch.hpp>
#include <string>

using Catch::EndsWith;
using Catch::StartsWith;

TEST_CASE("a message quoting a huge id keeps its start and end around what was left out",
          "[base][error]") {
    std::string id;
    for (int i = 0; i < 400000; ++i) id += "å";  // two bytes each: cuts must fall between them
    // Nine bytes before the id and 29 after: both half-way points fall inside an å, so the head
    // moves back and the tail forward to whole characters.
    const std::string message = "no post '" + id + "' (expected one of the posts)";
    reorg::Diagnostics diagnostics;
    diagnostics.error({"posts.csv", 7, "reports_to"}, message);
    diagnostics.warning({"posts.csv", 8, std::string(5000, 'k')}, message);
    REQUIRE(diagnostics.errors().size() == 1);
    const std::string listed = diagnostics.errors().front().message;  // a copy: more errors follow
    CHECK(listed.size() <= 1000);
    CHECK_THAT(listed, StartsWith("no post 'ååå"));
    CHECK_THAT(listed, EndsWith("ååå' (expected one of the posts)"));
    // What is kept and the count of what was left out add up to the message; both ends are
    // whole characters.
    const auto open = listed.find(" […");
    const auto close = listed.find(" bytes…] ");
    REQUIRE(open != std::string::npos);
    REQUIRE(close != std::string::npos);
    const auto left_out = std::stoul(listed.substr(open + 5, close - open - 5));
    const auto tail = listed.size() - close - std::string(" bytes…] ").size();
    CHECK(open + left_out + tail == message.size());
    CHECK(message.substr(0, open) == listed.substr(0, open));
    CHECK(message.substr(message.size() - tail) == listed.substr(listed.size() - tail));
    CHECK((open - std::string("no post '").size()) % 2 == 0);
    CHECK(listed.substr(listed.size() - tail, 2) == "å");
    CHECK(diagnostics.warnings().front().where.column.size() <= 200);

    // Bounded once is bounded for good: shortening again changes nothing.
    diagnostics.error({"posts.csv", 7}, listed);
    CHECK(diagnostics.errors().back().message == listed);

    const reorg::InputError error({"model.yaml", 3}, message);
    CHECK(error.errors().front().message == listed);
    CHECK(std::string(error.what()).size() < 1100);
    // A list of errors made elsewhere (combine builds its own) is bounded too, what() as well.
    const reorg::InputError listed_errors(
        {reorg::Diagnostic{reorg::Severity::Error, {"a"}, message},
         reorg::Diagnostic{reorg::Severity::Error, {"b"}, message}});
    CHECK(listed_errors.errors().front().message == listed);
    CHECK(listed_errors.errors().back().message == listed);
    CHECK(std::string(listed_errors.what()).size() < 1100);

    // A message within the bound stays as it is.
    diagnostics.error({"posts.csv", 9}, std::string(1000, 'x'));
    CHECK(diagnostics.errors().back().message == std::string(1000, 'x'));
}
