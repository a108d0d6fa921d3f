# What `cmake --install` and the Debian package put where (GNUInstallDirs, so CMAKE_INSTALL_PREFIX
# and the CMAKE_INSTALL_*DIR variables are honoured): the binary, the man page and the shell
# completions generated from the built binary (cmake/Docs.cmake), the copyright and changelog.
include(GNUInstallDirs)

set(MCPOLICY_DOC_DIR ${PROJECT_BINARY_DIR}/doc)
set(MCPOLICY_DOCS ${MCPOLICY_DOC_DIR}/mcpolicy.1 ${MCPOLICY_DOC_DIR}/mcpolicy.1.gz
    ${MCPOLICY_DOC_DIR}/mcpolicy.bash ${MCPOLICY_DOC_DIR}/_mcpolicy ${MCPOLICY_DOC_DIR}/mcpolicy.fish
    ${MCPOLICY_DOC_DIR}/changelog.gz)
add_custom_command(
  OUTPUT ${MCPOLICY_DOCS}
  COMMAND ${CMAKE_COMMAND} -DMCPOLICY=$<TARGET_FILE:mcpolicy> -DDIR=${MCPOLICY_DOC_DIR}
          -DCHANGELOG=${PROJECT_SOURCE_DIR}/packaging/changelog -P ${PROJECT_SOURCE_DIR}/cmake/Docs.cmake
  DEPENDS mcpolicy ${PROJECT_SOURCE_DIR}/cmake/Docs.cmake ${PROJECT_SOURCE_DIR}/packaging/changelog
  COMMENT "Generating the man page and shell completions from mcpolicy's own help"
  VERBATIM)
add_custom_target(mcpolicy_docs ALL DEPENDS ${MCPOLICY_DOCS})

# The changelog's first entry names the version being packaged.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog mcpolicy_changelog_top LIMIT_COUNT 1)
if(NOT mcpolicy_changelog_top MATCHES "^mcpolicy \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog: the first entry must be for version ${PROJECT_VERSION} "
                      "(it reads \"${mcpolicy_changelog_top}\"); add an entry for the new version")
endif()

install(TARGETS mcpolicy RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${MCPOLICY_DOC_DIR}/mcpolicy.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${MCPOLICY_DOC_DIR}/mcpolicy.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME mcpolicy)
install(FILES ${MCPOLICY_DOC_DIR}/mcpolicy.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# zsh: Debian's zsh reads /usr/share/zsh/vendor-completions for packages and
# <prefix>/share/zsh/site-functions for /usr/local; chosen when installing, since CPack installs
# with the prefix /usr whatever the build was configured with. MCPOLICY_ZSH_COMPLETION_DIR
# (relative to the data directory) overrides the choice.
set(MCPOLICY_ZSH_COMPLETION_DIR "" CACHE STRING
    "Where the zsh completion goes, relative to CMAKE_INSTALL_DATADIR (default: zsh/vendor-completions under /usr, else zsh/site-functions)")
if(MCPOLICY_ZSH_COMPLETION_DIR)
  install(FILES ${MCPOLICY_DOC_DIR}/_mcpolicy DESTINATION ${CMAKE_INSTALL_DATADIR}/${MCPOLICY_ZSH_COMPLETION_DIR})
else()
  install(CODE [[
    if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
      set(mcpolicy_zsh_dir zsh/vendor-completions)
    else()
      set(mcpolicy_zsh_dir zsh/site-functions)
    endif()]])
  install(FILES ${MCPOLICY_DOC_DIR}/_mcpolicy DESTINATION "${CMAKE_INSTALL_DATADIR}/\${mcpolicy_zsh_dir}")
endif()
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${MCPOLICY_DOC_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
