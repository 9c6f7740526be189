# Interface targets carrying reorg's compile options. Link them PRIVATE and wrapped in
# $<BUILD_INTERFACE:...> so that they never leak into the installed package.

add_library(reorg_warnings INTERFACE)
target_compile_options(reorg_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wnon-virtual-dtor -Wformat=2 -Wimplicit-fallthrough
  # GCC 12 reports false positives from inside Boost.Graph and libstdc++ at -O2 and -O3
  # (maybe-uninitialized; restrict on std::string concatenation, GCC bug 105651).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized -Wno-restrict>
  $<$<BOOL:${REORG_WERROR}>:-Werror>)

add_library(reorg_sanitizers INTERFACE)
if(REORG_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "REORG_FUZZ needs clang (libFuzzer): configure with the fuzz preset")
  endif()
  # Coverage for libFuzzer everywhere, its main only in the fuzz targets (fuzz/CMakeLists.txt).
  target_compile_options(reorg_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer)
  target_link_options(reorg_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(REORG_SANITIZE)
  target_compile_options(reorg_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(reorg_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

add_library(reorg_build_options INTERFACE)
target_link_libraries(reorg_build_options INTERFACE reorg_warnings reorg_sanitizers)
target_compile_features(reorg_build_options INTERFACE cxx_std_20)
