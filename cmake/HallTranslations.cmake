# Translations of the hall's programs. English is the language of the source strings; every program ships
# a Simplified Chinese catalog compiled into its resources under :/i18n/, which hall::qt::LanguageManager
# loads. `cmake --build build --target update_translations` refreshes every .ts file from the sources.
#
#   hall_add_translations(<target> TS_DIR <dir> [NAME <base>] [LANGUAGES <code>...] [SOURCES <file>...])
#
#   TS_DIR     where the .ts files live (relative to the current source directory)
#   NAME       base name of the catalog, <NAME>_<code>.ts / :/i18n/<NAME>_<code>.qm; default: the target
#   LANGUAGES  translation languages; default: zh_CN
#   SOURCES    files lupdate scans; default: the target's own sources
#
# Every catalog is also listed in ${CMAKE_BINARY_DIR}/hall-translations.txt (written at the end of the
# configure step), which the completeness test (tests/qtapp/tst_translations) reads: it runs lupdate over
# a copy of each .ts and fails while any string is missing or unfinished.

set(HALL_TRANSLATION_MANIFEST ${CMAKE_BINARY_DIR}/hall-translations.txt)

function(hall_add_translations target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "TS_DIR;NAME" "LANGUAGES;SOURCES")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "hall_add_translations: unknown arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT TARGET ${target})
        message(FATAL_ERROR "hall_add_translations: ${target} is not a target")
    endif()
    if(NOT arg_TS_DIR)
        message(FATAL_ERROR "hall_add_translations(${target}): TS_DIR is required")
    endif()
    if(NOT arg_NAME)
        set(arg_NAME ${target})
    endif()
    if(NOT arg_LANGUAGES)
        set(arg_LANGUAGES zh_CN)
    endif()

    cmake_path(ABSOLUTE_PATH arg_TS_DIR BASE_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} NORMALIZE
               OUTPUT_VARIABLE ts_dir)
    set(ts_files)
    foreach(lang IN LISTS arg_LANGUAGES)
        list(APPEND ts_files ${ts_dir}/${arg_NAME}_${lang}.ts)
    endforeach()

    # A new catalog starts as an empty file in the source tree, ready to commit. Left to Qt, a missing
    # file becomes a build rule that keeps recreating it empty until CMake runs again, and would undo
    # the first update_translations.
    foreach(ts IN LISTS ts_files)
        if(NOT EXISTS ${ts})
            string(REGEX MATCH "_([a-z][a-z](_[A-Z][A-Z])?)\\.ts$" _ ${ts})
            file(WRITE ${ts} "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
                             "<TS version=\"2.1\" language=\"${CMAKE_MATCH_1}\">\n</TS>\n")
            message(STATUS "Created ${ts}: build update_translations to fill it")
        endif()
    endforeach()

    set(sources)
    foreach(src IN LISTS arg_SOURCES)
        cmake_path(ABSOLUTE_PATH src BASE_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} NORMALIZE
                   OUTPUT_VARIABLE abs)
        list(APPEND sources ${abs})
    endforeach()
    set(sources_args)
    if(sources)
        set(sources_args SOURCES ${sources})
    endif()

    # Relative locations keep the committed .ts files free of absolute paths and small in diffs;
    # -no-obsolete drops strings the code no longer has.
    qt_add_translations(${target}
        TS_FILES ${ts_files}
        ${sources_args}
        RESOURCE_PREFIX /i18n
        LUPDATE_OPTIONS -locations relative -no-obsolete)

    set_property(TARGET ${target} APPEND PROPERTY HALL_TS_FILES ${ts_files})
    set_property(TARGET ${target} APPEND PROPERTY HALL_TS_SOURCES ${sources})
    set_property(GLOBAL APPEND PROPERTY HALL_TRANSLATED_TARGETS ${target})

    get_property(deferred GLOBAL PROPERTY HALL_TRANSLATION_MANIFEST_DEFERRED)
    if(NOT deferred)
        set_property(GLOBAL PROPERTY HALL_TRANSLATION_MANIFEST_DEFERRED TRUE)
        cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _hall_write_translation_manifest)
    endif()
endfunction()

# Runs once, after every directory is configured, so a target's source list is complete. Format, one
# record per line: "ts<TAB>path" starts a catalog; the "source<TAB>path" and "include<TAB>dir" lines that
# follow are what lupdate scans for it and where it finds the headers (without them it cannot tell
# which namespace a class is in, and the contexts would not match the real catalog's). The include
# directories are a generator expression, so the file is written at generation time.
function(_hall_write_translation_manifest)
    get_property(targets GLOBAL PROPERTY HALL_TRANSLATED_TARGETS)
    list(REMOVE_DUPLICATES targets)
    set(content "")
    foreach(target IN LISTS targets)
        get_target_property(ts_files ${target} HALL_TS_FILES)
        get_target_property(sources ${target} HALL_TS_SOURCES)
        if(NOT sources)
            get_target_property(target_sources ${target} SOURCES)
            get_target_property(target_dir ${target} SOURCE_DIR)
            set(sources)
            foreach(src IN LISTS target_sources)
                if(src MATCHES "\\$<" OR NOT src MATCHES "\\.(cpp|h|hpp|ui)$")
                    continue()
                endif()
                cmake_path(ABSOLUTE_PATH src BASE_DIRECTORY ${target_dir} NORMALIZE OUTPUT_VARIABLE abs)
                cmake_path(IS_PREFIX CMAKE_BINARY_DIR ${abs} generated)
                if(NOT generated)
                    list(APPEND sources ${abs})
                endif()
            endforeach()
        endif()
        set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
        foreach(ts IN LISTS ts_files)
            string(APPEND content "ts\t${ts}\n")
            foreach(src IN LISTS sources)
                string(APPEND content "source\t${src}\n")
            endforeach()
            string(APPEND content "$<$<BOOL:${includes}>:include\t$<JOIN:${includes},\ninclude\t>\n>")
        endforeach()
    endforeach()
    file(GENERATE OUTPUT ${HALL_TRANSLATION_MANIFEST} CONTENT "${content}")
endfunction()
