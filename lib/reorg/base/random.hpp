#pragma once
#include <array>
#include <cstdint>

/// Random numbers that are the same on every machine: our own generator and integer mapping,
/// since <random>'s distributions are implementation-defined. Used where a seed must give the
/// same sample everywhere: sampled betweenness and the synthetic organisations.
namespace reorg::base {

/// xoshiro256** (Blackman and Vigna), seeded through splitmix64 from a seed and the numbers of
/// a stream and a block within it, so that independent parts of a computation (the threads of a
/// sampler, the parts of a generated organisation) draw from their own sequences and tuning one
/// leaves the others as they were. A value type: copying it copies the sequence.
class Random {
public:
    explicit Random(std::uint64_t seed, std::uint64_t stream = 0,
                    std::uint64_t block = 0) noexcept {
        std::uint64_t mix = seed;
        mix = splitmix64(mix) ^ (stream * 0xd1b54a32d192ed03ULL);
        mix = splitmix64(mix) ^ block;
        for (auto& word : state_) word = splitmix64(mix);
    }

    /// The next 64 random bits.
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// Uniform in [0, bound) for bound ≥ 1, without bias (Lemire's multiply-and-reject).
    std::uint32_t below(std::uint32_t bound) noexcept {
        std::uint64_t m = (next() >> 32) * bound;
        auto low = static_cast<std::uint32_t>(m);
        if (low < bound) {
            const std::uint32_t threshold = (0u - bound) % bound;
            while (low < threshold) {
                m = (next() >> 32) * bound;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }

    /// Uniform in [0, 1), in steps of 2^-53.
    double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static std::uint64_t splitmix64(std::uint64_t& state) noexcept {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }

    std::array<std::uint64_t, 4> state_{};
};

}  // namespace reorg::base
