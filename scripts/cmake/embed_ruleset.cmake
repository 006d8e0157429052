# Writes OUT: a C++ source holding the default ruleset as one JSON document (without line breaks),
# deflate-compressed (embed_file.cmake; the engine inflates it once per process):
#   {"ruleset": <rules/ruleset.json> + "rules": [<id>...], "rules": {<id>: <rules/<id>.json>...},
#    "data": {<name>: <rules/data/<name>.json>...}, "profiles": {<id>: <rules/profiles/<id>.json>...},
#    "declarations": <rules/profiles/declarations.json>, "documents": <rules/profiles/documents.json>}
# The rules are every rules/<id>.json but ruleset.json and the *.cases.json files: adding a rule
# file adds the check, no list is kept by hand. The ids are sorted bytewise (by id, not by file
# name: "header.content-type" comes before "header.content-type-options") and written into the
# "ruleset" object as its "rules" array, the shape the engine reads (core/src/ruleset/ruleset.h).
# A rule file name that is not a plain id (lower-case letters, digits, '.' and '-') stops the
# build, naming the file; the full form <family>.<name> is checked by tests/js/rules-schema.test.mjs
# and the registration of each id by tests/unit/rule_consistency_test.cc.
# Every data file and every criteria profile is embedded (a profile's key is its file name;
# tests/unit/profile_test.cc checks it equals the profile's id). The declarations catalogue
# (rules/profiles/declarations.json) is embedded as "declarations" and the catalogue of cited
# documents (rules/profiles/documents.json) as "documents", neither as a profile.
file(READ "${RULES_DIR}/ruleset.json" ruleset)
file(GLOB rule_files RELATIVE "${RULES_DIR}" "${RULES_DIR}/*.json")
set(rule_ids "")
foreach(name ${rule_files})
  if(name STREQUAL "ruleset.json" OR name MATCHES "\\.cases\\.json$")
    continue()
  endif()
  if(NOT name MATCHES "^[a-z0-9][a-z0-9.-]*\\.json$")
    message(FATAL_ERROR "rules/${name}: a rule file is named <id>.json, the id made of a-z, 0-9, '.' and '-'")
  endif()
  string(REGEX REPLACE "\\.json$" "" id "${name}")
  list(APPEND rule_ids "${id}")
endforeach()
list(SORT rule_ids COMPARE STRING)
set(rules_doc "")
set(id_list "")
foreach(id ${rule_ids})
  file(READ "${RULES_DIR}/${id}.json" rule)
  if(NOT rules_doc STREQUAL "")
    string(APPEND rules_doc ",")
    string(APPEND id_list ",")
  endif()
  string(APPEND rules_doc "\"${id}\":${rule}")
  string(APPEND id_list "\"${id}\"")
endforeach()
string(JSON ruleset SET "${ruleset}" rules "[${id_list}]")
set(doc "{\"ruleset\":${ruleset},\"rules\":{${rules_doc}")
string(APPEND doc "},\"data\":{")
file(GLOB data_files "${RULES_DIR}/data/*.json")
list(SORT data_files)
set(first TRUE)
foreach(f ${data_files})
  get_filename_component(name "${f}" NAME_WE)
  file(READ "${f}" content)
  if(NOT first)
    string(APPEND doc ",")
  endif()
  set(first FALSE)
  string(APPEND doc "\"${name}\":${content}")
endforeach()
string(APPEND doc "},\"profiles\":{")
file(GLOB profile_files "${RULES_DIR}/profiles/*.json")
list(SORT profile_files)
set(decl_catalogue "{\"declarations\":[]}")
set(doc_catalogue "{\"documents\":[]}")
set(first TRUE)
foreach(f ${profile_files})
  get_filename_component(name "${f}" NAME_WE)
  file(READ "${f}" content)
  if(name STREQUAL "declarations")  # (no variable of that name exists: CMP0054)
    set(decl_catalogue "${content}")
    continue()
  endif()
  if(name STREQUAL "documents")
    set(doc_catalogue "${content}")
    continue()
  endif()
  if(NOT first)
    string(APPEND doc ",")
  endif()
  set(first FALSE)
  string(APPEND doc "\"${name}\":${content}")
endforeach()
string(APPEND doc "},\"declarations\":${decl_catalogue},\"documents\":${doc_catalogue}}")
# Drop every line break with the indentation that follows it: JSON strings cannot hold a raw line
# break, so these bytes are always whitespace between tokens and the parsed document is unchanged
# (its RFC 8785 canonical form, used by evidence-bundle digests, too); about 53 KB less to embed.
string(REGEX REPLACE "\r?\n[ \t]*" "" doc "${doc}")
file(WRITE "${OUT}.json" "${doc}")
set(IN "${OUT}.json")
set(SYMBOL kEmbeddedRulesetDeflate)
if(NOT ZOPFLI)
  message(FATAL_ERROR "embed_ruleset.cmake: -DZOPFLI=<path of zopfli> is required")
endif()
set(DEFLATE "${ZOPFLI}")  # 726 KB of JSON, 134 KB compressed
include("${CMAKE_CURRENT_LIST_DIR}/embed_file.cmake")
