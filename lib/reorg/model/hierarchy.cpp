#include "reorg/model/hierarchy.hpp"

namespace reorg::model {

const ReportingForest& reporting_forest(const Model& model) { return model.reporting_forest(); }

const UnitForest& unit_forest(const Model& model) { return model.unit_forest(); }

}  // namespace reorg::model
