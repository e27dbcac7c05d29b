# Makes one voice clip. Run as a script:
#   cmake -DESPEAK=... -DSOX=... -DVOICE=... -DSPEED=... -DCLIP_LIST=clips.tsv -DCLIP_ID=id -DOUTPUT=x.wav
#         -P generate_clip.cmake
# Writes to a temporary file first and renames it, so a failed run never leaves a clip that looks done.

foreach(var ESPEAK SOX VOICE SPEED CLIP_LIST CLIP_ID OUTPUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "generate_clip.cmake: ${var} is not set")
    endif()
endforeach()

file(STRINGS ${CLIP_LIST} lines ENCODING UTF-8 REGEX "^${CLIP_ID}\t")
list(LENGTH lines count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "${CLIP_LIST}: expected one row for clip ${CLIP_ID}, found ${count}")
endif()
string(REGEX REPLACE "^[a-z0-9_]+\t" "" text "${lines}")

get_filename_component(dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
set(raw ${OUTPUT}.raw.wav)
set(partial ${OUTPUT}.part.wav)

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "clip ${CLIP_ID}: ${ARGV0} failed (${rc}): ${err}${out}")
    endif()
endfunction()

# Every clip ends as 22050 Hz, mono, 16-bit PCM, without dither so that a rebuild gives the same bytes.
set(format -D -r 22050 -c 1 -b 16 -e signed-integer)
if(CLIP_ID STREQUAL "chime")
    # A falling two-tone chime (G5 then E5) with soft edges, a little quieter than speech.
    run(${SOX} -n ${format} ${raw}
        synth 0.45 sine 784 fade q 0.005 0.45 0.35 : synth 0.7 sine 659 fade q 0.005 0.7 0.6)
    run(${SOX} ${raw} ${format} ${partial} norm -4 pad 0 0.15)
else()
    run(${ESPEAK} -v ${VOICE} -s ${SPEED} -w ${raw} "${text}")
    # Trim the synthesiser's leading and trailing silence, then leave a short pad so that clips played
    # back to back keep a natural gap between words.
    run(${SOX} ${raw} ${format} ${partial}
        silence 1 0.01 0.2% reverse silence 1 0.01 0.2% reverse norm -1 pad 0.02 0.06)
endif()
file(REMOVE ${raw})
file(RENAME ${partial} ${OUTPUT})
