#pragma once
// The example models in data/, as paths for tests that run reorg on them.
#include <string>

namespace reorg::test {

inline const std::string kKommun = REORG_DATA_DIR "/kommun";
inline const std::string kMinimal = REORG_DATA_DIR "/minimal/model.yaml";

}  // namespace reorg::test
