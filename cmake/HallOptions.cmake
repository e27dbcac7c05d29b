# One interface target that every project target links: the language level, the warnings and Qt's
# strict macros live here and nowhere else.
add_library(hall_options INTERFACE)
target_compile_features(hall_options INTERFACE cxx_std_20)
target_compile_options(hall_options INTERFACE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual)
# g++ 12 reports -Wmismatched-new-delete for Asio's coroutine frames when optimising: a known false
# positive (the frame's operator new and delete are Asio's own pair), not a fault in our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(hall_options INTERFACE -Wno-mismatched-new-delete)
endif()
if(HALL_WARNINGS_AS_ERRORS)
    target_compile_options(hall_options INTERFACE -Werror)
endif()
target_compile_definitions(hall_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_KEYWORDS
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER)
if(HALL_SANITIZE)
    target_compile_options(hall_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
    target_link_options(hall_options INTERFACE -fsanitize=address,undefined)
endif()

# Registers a Qt Test executable with CTest. GUI tests run offscreen; every test gets a private runtime dir.
function(hall_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE hall_options Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        HALL_SOURCE_DIR="${HALL_SOURCE_DIR}"
        HALL_BINARY_DIR="${CMAKE_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.qpa.*=false"
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
endfunction()
