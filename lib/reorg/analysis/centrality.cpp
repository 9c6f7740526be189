#include "reorg/analysis/centrality.hpp"
