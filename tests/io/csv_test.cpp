// CsvReader (lib/reorg/io/csv.hpp): RFC 4180 fields, line numbers, separators, lenient quotes.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "reorg/io/csv.hpp"

namespace {

using reorg::io::CsvReader;
using reorg::io::CsvRecord;

/// One record as plain values, so that tests compare whole rows.
struct Row {
    std::vector<std::string> fields;
    std::uint32_t line = 0;
};

/// Every record of `bytes`, read to the end.
std::vector<Row> read_all(CsvReader& reader) {
    std::vector<Row> rows;
    CsvRecord record;
    while (reader.next(record)) {
        rows.push_back(
            {std::vector<std::string>(record.fields.begin(), record.fields.end()), record.line});
    }
    return rows;
}

std::vector<Row> read_all(std::string bytes) {
    CsvReader reader(std::move(bytes));
    return read_all(reader);
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("Plain fields are split at the separator, one record per line", "[io][csv]") {
    const auto rows = read_all("id,name,kind\nKLF,Kommunledningsförvaltningen,administration\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"id", "name", "kind"});
    CHECK(rows[0].line == 1);
    CHECK(rows[1].fields == Fields{"KLF", "Kommunledningsförvaltningen", "administration"});
    CHECK(rows[1].line == 2);
}

TEST_CASE("A quoted field keeps separators, and a doubled quote is one quote", "[io][csv]") {
    const auto rows = read_all(R"csv(a,b,c
"x,y","say ""hi""",""
"semi;colon",plain,""""
)csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == Fields{"x,y", R"(say "hi")", ""});
    CHECK(rows[2].fields == Fields{"semi;colon", "plain", "\""});

    const auto semicolons = read_all("a;b\n\"1;2\";\"3,4\"\n");
    REQUIRE(semicolons.size() == 2);
    CHECK(semicolons[1].fields == Fields{"1;2", "3,4"});
}

TEST_CASE("A doubled quote alone in a quoted field is a single quote character", "[io][csv]") {
    const auto rows = read_all("a,b\n\"\"\"\",x\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == Fields{"\"", "x"});
}

TEST_CASE("Line breaks inside quotes belong to the field and later lines still count them",
          "[io][csv]") {
    // Line 1: header; lines 2-4: one record with an LF and a CRLF inside quotes; line 5: next.
    const std::string bytes =
        "id,text\n"
        "A,\"first\nsecond\r\nthird\"\n"
        "B,after\n";
    const auto rows = read_all(bytes);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == Fields{"A", "first\nsecond\r\nthird"});
    CHECK(rows[1].line == 2);
    CHECK(rows[2].fields == Fields{"B", "after"});
    CHECK(rows[2].line == 5);
}

TEST_CASE("A record whose first field is quoted across lines starts on its first line",
          "[io][csv]") {
    const auto rows = read_all("h1,h2\n\"multi\nline\",x\n\"one\",y\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].line == 2);
    CHECK(rows[1].fields == Fields{"multi\nline", "x"});
    CHECK(rows[2].line == 4);
    CHECK(rows[2].fields == Fields{"one", "y"});
}

TEST_CASE("CRLF, LF and a mix of both end records without leaving a CR in the last field",
          "[io][csv]") {
    SECTION("CRLF") {
        const auto rows = read_all("a,b\r\n1,2\r\n3,4\r\n");
        REQUIRE(rows.size() == 3);
        CHECK(rows[1].fields == Fields{"1", "2"});
        CHECK(rows[2].fields == Fields{"3", "4"});
        CHECK(rows[2].line == 3);
    }
    SECTION("mixed") {
        const auto rows = read_all("a,b\n1,2\r\n3,4\n5,6\r\n");
        REQUIRE(rows.size() == 4);
        CHECK(rows[0].fields == Fields{"a", "b"});
        CHECK(rows[1].fields == Fields{"1", "2"});
        CHECK(rows[2].fields == Fields{"3", "4"});
        CHECK(rows[3].fields == Fields{"5", "6"});
        CHECK(rows[3].line == 4);
    }
    SECTION("a lone CR (Excel for Mac) counts lines too") {
        const auto rows = read_all("a;b\r1;2\r\r3;\"x\ry\"\r5;6");
        REQUIRE(rows.size() == 4);
        CHECK(rows[0].fields == Fields{"a", "b"});  // the separator is found in the first line
        CHECK(rows[1].line == 2);
        CHECK(rows[2].fields == Fields{"3", "x\ry"});
        CHECK(rows[2].line == 4);  // after a blank line
        CHECK(rows[3].fields == Fields{"5", "6"});
        CHECK(rows[3].line == 6);  // the CR inside the quotes ended a line
    }
    SECTION("a quoted last field before CRLF") {
        const auto rows = read_all("a,b\r\n1,\"two\"\r\n");
        REQUIRE(rows.size() == 2);
        CHECK(rows[1].fields == Fields{"1", "two"});
    }
}

TEST_CASE("A UTF-8 byte-order mark before the header is stripped", "[io][csv]") {
    CsvReader reader("\xEF\xBB\xBFid;namn\nA;Åsa\n");
    CHECK(reader.separator() == ';');
    const auto rows = read_all(reader);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"id", "namn"});
    CHECK(rows[0].line == 1);
    CHECK(rows[1].fields == Fields{"A", "Åsa"});
}

TEST_CASE("The separator is the one that occurs most often in the header", "[io][csv]") {
    CHECK(CsvReader("id,name,kind\n1,2,3\n").separator() == ',');
    CHECK(CsvReader("id;name;kind\n1;2;3\n").separator() == ';');
    CHECK(CsvReader("id\tname\tkind\n1\t2\t3\n").separator() == '\t');
    // Commas in values of a ;-file do not matter: only the header line counts.
    CHECK(CsvReader("id;name;cost\nA;B;1,5\nC;D;2,5\n").separator() == ';');
    // "cost (SEK, yearly)" has a comma, but the ; separators outnumber it.
    CHECK(CsvReader("id;name;cost (SEK, yearly)\n").separator() == ';');
}

TEST_CASE("A tie between separators is read as a comma", "[io][csv]") {
    CHECK(CsvReader("a,b;c\n").separator() == ',');
    CHECK(CsvReader("a,b\tc\n").separator() == ',');
    CHECK(CsvReader("a;b,c;d,e\n").separator() == ',');
    CHECK(CsvReader("single\n").separator() == ',');
    CHECK(CsvReader("").separator() == ',');
}

TEST_CASE("Separators inside quoted header cells do not count", "[io][csv]") {
    CsvReader reader("\"x,y,z\";name;kind\n1;2;3\n");
    CHECK(reader.separator() == ';');
    const auto rows = read_all(reader);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"x,y,z", "name", "kind"});
    CHECK(rows[1].fields == Fields{"1", "2", "3"});

    CHECK(CsvReader("\"a;b;c;d\",e,f\n").separator() == ',');
}

TEST_CASE("The separator is detected from the header even after leading blank lines", "[io][csv]") {
    // Blank lines are skipped, so the header is "id;name"; its separator is ';'.
    CsvReader reader("\n\r\nid;name\nA;B\n");
    CHECK(reader.separator() == ';');
    const auto rows = read_all(reader);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"id", "name"});
    CHECK(rows[0].line == 3);
}

TEST_CASE("Blank lines are skipped and do not shift line numbers", "[io][csv]") {
    const auto rows = read_all("a,b\n\n\n1,2\r\n\r\n3,4\n\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].line == 1);
    CHECK(rows[1].fields == Fields{"1", "2"});
    CHECK(rows[1].line == 4);
    CHECK(rows[2].fields == Fields{"3", "4"});
    CHECK(rows[2].line == 6);
}

TEST_CASE("A trailing separator gives a trailing empty field", "[io][csv]") {
    const auto rows = read_all("a,b,c\n1,2,\n\"q\",\n4,5,");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].fields == Fields{"1", "2", ""});
    CHECK(rows[2].fields == Fields{"q", ""});
    CHECK(rows[3].fields == Fields{"4", "5", ""});
}

TEST_CASE("Empty fields in the middle and at the start are kept", "[io][csv]") {
    const auto rows = read_all("a,b,c,d\n1,,,4\n,x,\"\",y\n,,,\n");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].fields == Fields{"1", "", "", "4"});
    CHECK(rows[2].fields == Fields{"", "x", "", "y"});
    CHECK(rows[3].fields == Fields{"", "", "", ""});
}

TEST_CASE("An unterminated quote is reported with the line it opened on", "[io][csv]") {
    CsvReader reader("id,title\nA,ok\nB,\"never closed\nC,more\nD,still inside\n");
    CsvRecord record;
    REQUIRE(reader.next(record));  // header
    REQUIRE(reader.next(record));
    CHECK(record.fields[0] == "A");
    CHECK_FALSE(reader.unterminated_quote_line().has_value());
    CHECK_FALSE(reader.next(record));
    REQUIRE(reader.unterminated_quote_line().has_value());
    CHECK(*reader.unterminated_quote_line() == 3);
    // The input ends there, also when asked again.
    CHECK_FALSE(reader.next(record));
    CHECK(*reader.unterminated_quote_line() == 3);
}

TEST_CASE("An unterminated quote after an earlier multi-line field names its own line",
          "[io][csv]") {
    CsvReader reader("a,b\n\"one\ntwo\",\"three\nfour\n");
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK_FALSE(reader.next(record));
    REQUIRE(reader.unterminated_quote_line().has_value());
    CHECK(*reader.unterminated_quote_line() == 3);
}

TEST_CASE("A well-formed file has no unterminated quote", "[io][csv]") {
    CsvReader reader("a,b\n\"x\",\"y\"\n");
    const auto rows = read_all(reader);
    CHECK(rows.size() == 2);
    CHECK_FALSE(reader.unterminated_quote_line().has_value());
}

TEST_CASE("A file without a final newline still gives its last record", "[io][csv]") {
    const auto rows = read_all("a,b\n1,2");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == Fields{"1", "2"});
    CHECK(rows[1].line == 2);

    const auto quoted = read_all("a,b\n1,\"2\"");
    REQUIRE(quoted.size() == 2);
    CHECK(quoted[1].fields == Fields{"1", "2"});
}

TEST_CASE("Text after a closing quote is kept as written", "[io][csv]") {
    const auto rows = read_all("a,b\n\"ab\"cd,e\n\"x\" y,z\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == Fields{"abcd", "e"});
    CHECK(rows[2].fields == Fields{"x y", "z"});
}

TEST_CASE("A quote inside an unquoted field is kept as written", "[io][csv]") {
    const auto rows = read_all("a,b\nab\"cd,e\n12\" screen,f\"\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == Fields{"ab\"cd", "e"});
    CHECK(rows[2].fields == Fields{"12\" screen", "f\""});
}

TEST_CASE("Empty input and a lone byte-order mark have no records", "[io][csv]") {
    CsvRecord record;
    CsvReader empty("");
    CHECK_FALSE(empty.next(record));
    CsvReader bom("\xEF\xBB\xBF");
    CHECK_FALSE(bom.next(record));
    CsvReader blank("\n\r\n\n");
    CHECK_FALSE(blank.next(record));
    CHECK_FALSE(blank.unterminated_quote_line().has_value());
}

TEST_CASE("Tab-separated fields keep commas and semicolons", "[io][csv]") {
    const auto rows = read_all("id\tnote\nA\tone, two; three\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == Fields{"A", "one, two; three"});
}
