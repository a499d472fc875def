# libFuzzer targets for the HTTP parsers (src/http/parsers.h); included by fuzz/CMakeLists.txt.
# Seeds live in fuzz/corpus/<target>/.
thidua_fuzz_target(query_fuzz SOURCE ${CMAKE_CURRENT_LIST_DIR}/query_fuzz.cc LIBS thidua_http_core)
thidua_fuzz_target(form_fuzz SOURCE ${CMAKE_CURRENT_LIST_DIR}/form_fuzz.cc LIBS thidua_http_core)
thidua_fuzz_target(multipart_fuzz SOURCE ${CMAKE_CURRENT_LIST_DIR}/multipart_fuzz.cc LIBS thidua_http_core)
