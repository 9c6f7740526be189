#include "reorg/analysis/cut_points.hpp"
