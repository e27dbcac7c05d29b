# Writes manifest.tsv for the generated clips: "id<TAB>file<TAB>duration_ms<TAB>text", in clips.tsv order.
#   cmake -DSOX=... -DCLIP_LIST=clips.tsv -DCLIP_DIR=<dir> -DOUTPUT=manifest.tsv -P write_manifest.cmake

foreach(var SOX CLIP_LIST CLIP_DIR OUTPUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "write_manifest.cmake: ${var} is not set")
    endif()
endforeach()

file(STRINGS ${CLIP_LIST} lines ENCODING UTF-8)
set(content "# id\tfile\tduration_ms\ttext\n")
foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^#")
        continue()
    endif()
    string(REGEX MATCH "^([a-z0-9_]+)\t(.+)$" matched "${line}")
    set(id ${CMAKE_MATCH_1})
    set(text ${CMAKE_MATCH_2})
    set(file ${CLIP_DIR}/${id}.wav)
    execute_process(COMMAND ${SOX} --i -s ${file} RESULT_VARIABLE rc OUTPUT_VARIABLE samples
                    ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0 OR NOT samples MATCHES "^[0-9]+$")
        message(FATAL_ERROR "manifest: cannot read ${file}: ${err}")
    endif()
    math(EXPR ms "${samples} * 1000 / 22050")
    string(APPEND content "${id}\t${id}.wav\t${ms}\t${text}\n")
endforeach()
file(WRITE ${OUTPUT}.part "${content}")
file(RENAME ${OUTPUT}.part ${OUTPUT})
