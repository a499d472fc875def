# thidua_embed(TARGET name NAMESPACE ns BASE dir FILES f1 f2 ...)
set(THIDUA_ROOT "${CMAKE_CURRENT_LIST_DIR}/..")
# Builds a static library `name` holding the bytes of each file, reachable at run time through
#   const std::vector<thidua::EmbeddedFile>& ns::EmbeddedFiles();
# with paths relative to BASE. The generated source is rebuilt when any file changes.
function(thidua_embed)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;BASE" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${E_TARGET}.cc")
  set(abs_files "")
  foreach(f ${E_FILES})
    get_filename_component(a "${f}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND abs_files "${a}")
  endforeach()
  get_filename_component(base "${E_BASE}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${E_NAMESPACE} -DBASE=${base}
            "-DFILES=${abs_files}" -P "${THIDUA_ROOT}/cmake/EmbedGenerate.cmake"
    DEPENDS ${abs_files} "${THIDUA_ROOT}/cmake/EmbedGenerate.cmake"
    COMMENT "Embedding ${E_TARGET}"
    VERBATIM)
  add_library(${E_TARGET} STATIC "${out}")
  target_include_directories(${E_TARGET} PUBLIC ${CMAKE_SOURCE_DIR}/src)
endfunction()
