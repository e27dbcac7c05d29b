# Build-time generation of the voice clips listed in clips.tsv: one WAV per clip in OUTPUT_DIR, made by
# espeak-ng (speech) or sox (the chime), normalised to 22050 Hz mono 16-bit with the silence trimmed,
# plus manifest.tsv listing every clip with its duration. Each clip is its own build output, so a build
# with the clips already made does nothing, and a changed clips.tsv remakes them.

set(HALL_VOICE_ESPEAK_VOICE "cmn-latn-pinyin" CACHE STRING
    "espeak-ng voice for the generated clips (Debian's espeak-ng 1.51 'cmn' reads tone numbers in English)")
set(HALL_VOICE_ESPEAK_SPEED "140" CACHE STRING "espeak-ng speaking rate for the generated clips, words per minute")

set(HALL_VOICE_SCRIPT_DIR ${CMAKE_CURRENT_LIST_DIR})

# hall_add_voice_clips(<target> OUTPUT_DIR <dir>): defines <target> (part of ALL) when espeak-ng and sox
# are installed; sets HALL_VOICE_CLIPS_AVAILABLE in the caller's scope to TRUE or FALSE.
function(hall_add_voice_clips target)
    cmake_parse_arguments(ARG "" "OUTPUT_DIR" "" ${ARGN})
    set(list_file ${HALL_VOICE_SCRIPT_DIR}/clips.tsv)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${list_file})

    find_program(HALL_ESPEAK_NG espeak-ng)
    find_program(HALL_SOX sox)
    if(NOT HALL_ESPEAK_NG OR NOT HALL_SOX)
        message(WARNING "espeak-ng or sox is missing: the voice clips are not generated "
                        "(scripts/install-deps.sh installs both)")
        set(HALL_VOICE_CLIPS_AVAILABLE FALSE PARENT_SCOPE)
        return()
    endif()

    file(STRINGS ${list_file} lines ENCODING UTF-8)
    set(ids "")
    set(outputs "")
    foreach(line IN LISTS lines)
        if(line STREQUAL "" OR line MATCHES "^#")
            continue()
        endif()
        if(NOT line MATCHES "^([a-z0-9_]+)\t(.+)$")
            message(FATAL_ERROR "${list_file}: not an \"id<TAB>text\" row: ${line}")
        endif()
        set(id ${CMAKE_MATCH_1})
        if(id IN_LIST ids)
            message(FATAL_ERROR "${list_file}: clip ${id} is listed twice")
        endif()
        list(APPEND ids ${id})
        set(output ${ARG_OUTPUT_DIR}/${id}.wav)
        add_custom_command(OUTPUT ${output}
            COMMAND ${CMAKE_COMMAND}
                    -DESPEAK=${HALL_ESPEAK_NG} -DSOX=${HALL_SOX}
                    -DVOICE=${HALL_VOICE_ESPEAK_VOICE} -DSPEED=${HALL_VOICE_ESPEAK_SPEED}
                    -DCLIP_LIST=${list_file} -DCLIP_ID=${id} -DOUTPUT=${output}
                    -P ${HALL_VOICE_SCRIPT_DIR}/generate_clip.cmake
            DEPENDS ${list_file} ${HALL_VOICE_SCRIPT_DIR}/generate_clip.cmake
            COMMENT "Voice clip ${id}"
            VERBATIM)
        list(APPEND outputs ${output})
    endforeach()

    set(manifest ${ARG_OUTPUT_DIR}/manifest.tsv)
    add_custom_command(OUTPUT ${manifest}
        COMMAND ${CMAKE_COMMAND} -DSOX=${HALL_SOX} -DCLIP_LIST=${list_file} -DCLIP_DIR=${ARG_OUTPUT_DIR}
                -DOUTPUT=${manifest} -P ${HALL_VOICE_SCRIPT_DIR}/write_manifest.cmake
        DEPENDS ${outputs} ${list_file} ${HALL_VOICE_SCRIPT_DIR}/write_manifest.cmake
        COMMENT "Voice clip manifest"
        VERBATIM)
    add_custom_target(${target} ALL DEPENDS ${manifest})
    set(HALL_VOICE_CLIPS_AVAILABLE TRUE PARENT_SCOPE)
endfunction()
