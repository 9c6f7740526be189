#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "reorg/model/error.hpp"
#include "reorg/model/model.hpp"

/// Importers from formats other tools publish (`reorg import`). Each builds its model through
/// ModelBuilder, so an imported model is checked like a loaded one; errors name the source
/// file's line and column, and are thrown as InputError after the whole file has been read.
namespace reorg::io {

/// The UK government organogram pair (../shared/formats/uk-organogram.md): the senior file with
/// one row per senior post ("Post Unique Reference", "Reports to Senior Post" with XX for the
/// top), and optionally the junior file whose rows are groups of posts under a "Reporting
/// Senior Post", each imported as one post with the group's FTE. Units come from the "Unit"
/// column (under the organisation); pay floor and ceiling give the cost (their mean); a
/// "Vacant" or "N/D" name is a vacancy or an undisclosed holder; "Eliminated" rows are not
/// posts. Accepts the variants real files carry (extra or unnamed columns, `xx`, `1.0`, N/A).
[[nodiscard]] model::Model import_organogram(const std::filesystem::path& senior,
                                             const std::optional<std::filesystem::path>& junior,
                                             Diagnostics& diagnostics);

enum class Encoding { Utf8, Windows1252 };

/// Column names of a generic HR export, one row per employee.
struct HrCsvColumns {
    std::string id;       ///< required: the employee's (or post's) id
    std::string manager;  ///< required: the manager's id; empty for the top
    std::string title;
    std::string unit;  ///< department name: units are made from its distinct values
    std::string name;  ///< the person's name (kept as people)
    std::string fte;
    std::string cost;
};

/// A generic HR export (`reorg import hr-csv`): CSV with `,` or `;`, in UTF-8 or Windows-1252
/// (converted), columns named by `columns`. Each row becomes a post; each distinct unit value a
/// unit (of kind department, under one root unit named after the file), headed by the most
/// senior post in it.
[[nodiscard]] model::Model import_hr_csv(const std::filesystem::path& file,
                                         const HrCsvColumns& columns, Encoding encoding,
                                         Diagnostics& diagnostics);

}  // namespace reorg::io
