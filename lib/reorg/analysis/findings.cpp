#include "reorg/analysis/findings.hpp"
