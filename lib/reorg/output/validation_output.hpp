#pragma once
#include <iosfwd>
#include <string>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"

/// `reorg validate` output: the one-line verdict and the JSON document.
namespace reorg::output {

/// What validating a model found.
struct Validation {
    std::string model;                      ///< the model as the user named it
    bool valid = false;                     ///< loaded, and (strict) without warnings
    const model::Model* loaded = nullptr;   ///< nullptr when it could not be loaded
    const InputError* failure = nullptr;    ///< the errors; nullptr when it loaded
    const Diagnostics* warnings = nullptr;  ///< the warnings found while loading (required)
};

/// "MODEL: valid — 84 units, 546 posts, …; 2 warnings" (or "not valid with --strict").
/// Requires `loaded`.
void write_validation_summary(std::ostream& out, const Validation& validation);

/// `{model, valid, errors, errors_not_listed, warnings, warning_count, counts}`, each error and
/// warning as `{file, line, column, message}`; `counts` only when the model loaded.
void write_validation_json(std::ostream& out, const Validation& validation);

}  // namespace reorg::output
