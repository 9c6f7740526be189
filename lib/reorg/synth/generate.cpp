#include "reorg/synth/generate.hpp"
