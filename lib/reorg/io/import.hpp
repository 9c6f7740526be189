#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "reorg/base/error.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/model/model.hpp"

/// Importers from formats other tools publish (`reorg import`). Each builds its model through
/// ModelBuilder, so an imported model is checked like a loaded one; errors name the source
/// file's line and column, and are thrown as InputError after the whole file has been read.
namespace reorg::io {

/// The UK government organogram pair, as departments publish it: the senior file with one row
/// per senior post, and optionally the junior file whose rows are groups of posts (the variants
/// real files carry are listed in tests/data/organogram/README.md).
///
/// Columns are found by header name, compared by their ASCII letters and digits only (case,
/// blanks, punctuation and a mangled `£` do not matter); unknown and unnamed columns (a leading
/// index, an empty-named or `Total Pay (£)` column) are ignored. Required: `Post Unique
/// Reference`, `Reports to Senior Post` and `Job Title` (senior); `Reporting Senior Post` and
/// `Number of Posts in FTE` or `Number of Posts (FTE)` (junior).
///
/// Senior rows: the PUR is the post id; `Reports to Senior Post` its manager, `XX`/`xx` for a
/// top post; title from `Job Title`; function from `Professional/Occupational Group`, else
/// `Profession` (what `--merge` compares), and the long `Job/Team Function` in the extra column
/// `description`; FTE from `FTE` (N/D, N/A or blank: 1); cost the file's `Total Pay (£)` when it
/// is a number above 0, else the middle of `Actual Pay Floor (£)` and `Actual Pay Ceiling (£)`
/// when both are numbers (one warning for the file says how many are such midpoints), else 0,
/// with a warning at the row when the pay is N/D or blank (N/A, not applicable, is no warning).
/// The extra column `headcount` holds the rows not Vacant (2 for a job share, 0 vacant), and
/// `cost_basis` where the cost came from (`total_pay`, `pay_band_midpoint`, `none`). `Name`:
/// `Vacant` makes a vacancy; `N/D` (or blank) a holder with id
/// `<PUR>.holder` and no name; any other name a holder `<PUR>.holder` with that name;
/// `Eliminated` rows are no posts, and a row reporting to one is an error. A PUR of `0` (not
/// in a post) is skipped with a warning. A PUR repeated on rows that differ only in Name, FTE,
/// contacts and Notes is a job share: one post, FTE summed over the rows that give one, the
/// holders' names joined by " / ", and the number of rows kept in the extra column
/// `job_share`; rows that differ in anything else are a duplicate-id error.
///
/// Junior rows: each is a group of staff, one post with id `<Reporting Senior Post>.J<n>` (n
/// counts the groups under that senior post in file order), reporting to that senior post, title
/// from `Generic Job Title`, FTE the group's, and `headcount` the file's own count (`Number of
/// Posts`, `Headcount` or `Number of Staff`) or else the FTE rounded up. Cost: the senior post's
/// `Salary Cost of Reports (£)`, when a number above 0, shared among its groups in proportion to
/// FTE × the middle of each one's pay scale (FTE alone when a scale is missing); else FTE × the
/// middle of `Payscale Minimum (£)` and `Payscale Maximum (£)` (one warning for the file says how
/// many), else 0 with a warning at the row; `cost_basis` says which (`salary_cost_of_reports`,
/// `pay_scale_midpoint`, `none`). The file names nobody, yet the posts are staffed: each is
/// filled by a nameless holder `<post id>.holder`, so that vacancy figures stay right. A group
/// of 0 FTE is skipped with a warning.
///
/// Units: one root unit (kind administration) per `Organisation` (or `Organization`, or
/// `Organization Reference`; without any, named after the senior file), and one unit of kind
/// department per distinct Organisation + `Unit` under it. Posts without a Unit sit in the
/// root; junior groups without one sit in their senior post's unit. Ids come from the names:
/// ASCII letters and digits lower-cased, other ASCII runs as `-`, UTF-8 kept, a department's
/// joined to its root's by `.` (`department-for-examples.finance`); names that give the same
/// id are numbered (`-2`) in order of appearance. Each unit's head is the senior post that every
/// other post of the unit reports up to: its only post whose manager lies outside it. A unit
/// with several such posts, or with only junior groups, has no head, so that validating the
/// result warns of no post "without a path to the head of its unit" that the files do not imply.
///
/// Grades are kept in the extra column `grade`. Errors (each with file, line and column, all
/// listed): a manager matching no PUR and not XX, a reference to an Eliminated post, a PUR of
/// XX or with spaces, a duplicate, a missing required column, invalid UTF-8, a number that is
/// not one (and not N/D, N/A or blank), and whatever ModelBuilder finds (reporting cycles).
/// Throws InputError after reading both files; warnings stay in `diagnostics`.
/// `text` as for import_hr_csv: organograms saved from Excel on Windows come in
/// Windows-1252 (the £ in their headers included).
[[nodiscard]] model::Model import_organogram(const std::filesystem::path& senior,
                                             const std::optional<std::filesystem::path>& junior,
                                             const TextOptions& text, Diagnostics& diagnostics);

/// The people in post that an import recorded in the posts' extra column `headcount` (a job
/// share's holders, a junior group's staff), summed; nullopt for a model without that column.
/// O(posts).
[[nodiscard]] std::optional<double> imported_headcount(const model::Model& model);

/// Column names of a generic HR export, one row per employee.
struct HrCsvColumns {
    std::string id;       ///< required: the employee's (or post's) id
    std::string manager;  ///< the manager's id (empty for the top); unnamed: every row a top post
    std::string title;
    std::string unit;  ///< department name: units are made from its distinct values
    std::string name;  ///< the person's name (kept as people)
    std::string fte;
    std::string cost;
};

/// A generic HR export (`reorg import hr-csv`): one row per employee, columns named by
/// `columns` (header names compared trimmed and ignoring ASCII case; every column named must
/// exist, and `id` must be named; a missing one is named with the header's columns and the
/// nearest of them). Separator `,` or `;` (detected; with `;`,
/// decimal commas). `text` says the encoding (and how the person can ask for the other one, for
/// the message about a file in the wrong encoding). In Windows-1252 every byte is converted to
/// UTF-8 first, and the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
/// are errors rather than U+FFFD: such a file is most likely in another encoding. In UTF-8, invalid
/// bytes are an error.
///
/// Each row becomes a post whose id is the employee id, reporting to the manager id (blank for
/// a top post; an id no row has is an error). Without a `manager` column every row is a top post,
/// the units have no heads, and a warning at the header says so. Each post is filled by a person
/// with the employee id, named from the `name` column if given. Units: one root (kind
/// administration) named after the file's stem, and one department under it per distinct `unit`
/// value, ids derived as for organograms (`staff.ekonomi`); posts with no unit value, or all posts
/// without a `unit` column, sit in the root. Each unit is headed by the post all its other posts
/// report up to (its only post whose manager lies outside it); a unit with several has no head. FTE
/// defaults to 1 and cost to 0. Duplicate or blank ids, invalid numbers and reporting cycles are
/// errors; other columns are not kept.
[[nodiscard]] model::Model import_hr_csv(const std::filesystem::path& file,
                                         const HrCsvColumns& columns, const TextOptions& text,
                                         Diagnostics& diagnostics);

}  // namespace reorg::io
