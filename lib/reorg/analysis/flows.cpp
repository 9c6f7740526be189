#include "reorg/analysis/flows.hpp"
