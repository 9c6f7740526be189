// The snapshot (io::read_snapshot): a hostile file must give an InputError, never a crash or a
// hang (snapshot.hpp promises it). Each model read is also looked through once, since its
// strings point into the mapping.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = reorg::fuzz::write_scratch("model.reorg", reorg::fuzz::as_text(data, size));
    for (const bool index_ids : {false, true}) {
        try {
            reorg::Diagnostics diagnostics;
            const auto model = reorg::io::read_snapshot(path, diagnostics, index_ids);
            // Hashing reads every byte, so that ASan sees a view past the mapping.
            std::size_t hash = 0;
            const std::hash<std::string_view> hash_of;
            for (const auto& post : model.posts()) hash ^= hash_of(post.id) ^ hash_of(post.title);
            for (const auto& unit : model.units()) hash ^= hash_of(unit.id) ^ hash_of(unit.name);
            for (const auto& person : model.people()) hash ^= hash_of(person.name);
            volatile std::size_t sink = hash;
            (void)sink;
        } catch (const reorg::Error&) {
        }
    }
    return 0;
}
