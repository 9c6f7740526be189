# Installs the build tree into a scratch prefix, builds the consumer against it and runs it.
# Variables: SOURCE_DIR, BUILD_DIR, REORG_BUILD_DIR, GENERATOR, MODEL, SANITIZE (the installed
# libraries were built with ASan + UBSan: the consumer must link their runtimes too).
file(REMOVE_RECURSE ${BUILD_DIR})
set(prefix ${BUILD_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGV}\n${output}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${REORG_BUILD_DIR} --prefix ${prefix})
set(sanitize_flags "")
if(SANITIZE)
  set(sanitize_flags "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined")
endif()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BUILD_DIR}/consumer -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release ${sanitize_flags})
run(${CMAKE_COMMAND} --build ${BUILD_DIR}/consumer)
run(${BUILD_DIR}/consumer/consumer ${MODEL})
if(NOT output MATCHES "^posts [1-9]")
  message(FATAL_ERROR "unexpected output from the consumer: ${output}")
endif()
message(STATUS "consumer: ${output}")
