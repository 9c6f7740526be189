// The HR export importer (io::import_hr_csv). The input's first line names the columns, `|`
// between them, in the order of HrCsvColumns (id, manager, title, unit, name, fte, cost; an
// empty name leaves the column unnamed); the rest is the file. Bad input must end in
// reorg::Error; anything else is a bug.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto input = reorg::fuzz::as_text(data, size);
    const auto text = reorg::fuzz::take_encoding(input);
    const auto end_of_line = input.find('\n');
    if (end_of_line == std::string_view::npos) return 0;
    auto names = input.substr(0, end_of_line);
    input.remove_prefix(end_of_line + 1);

    reorg::io::HrCsvColumns columns;
    const std::array<std::string*, 7> fields = {&columns.id,   &columns.manager, &columns.title,
                                                &columns.unit, &columns.name,    &columns.fte,
                                                &columns.cost};
    for (auto* field : fields) {
        const auto bar = names.find('|');
        *field = std::string(names.substr(0, bar));
        names = bar == std::string_view::npos ? std::string_view() : names.substr(bar + 1);
    }
    const auto path = reorg::fuzz::write_scratch("staff.csv", input);
    try {
        reorg::Diagnostics diagnostics;
        const auto model = reorg::io::import_hr_csv(path, columns, text, diagnostics);
        (void)model;
    } catch (const reorg::Error&) {
    }
    return 0;
}
