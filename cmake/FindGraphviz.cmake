# FindGraphviz: the Graphviz C libraries reorg renders with (Debian: libgraphviz-dev).
#
# Graphviz::gvc      cgraph and gvc, with their headers
# Graphviz::plugins  the plugin libraries reorg links in (layouts dot and neato, the core
#                    renderers, and cairo/pango for PNG and PDF), so that rendering does not
#                    depend on the plugin configuration file the package's postinst writes.
include(FindPackageHandleStandardArgs)

find_path(Graphviz_INCLUDE_DIR graphviz/gvc.h)
find_library(Graphviz_gvc_LIBRARY gvc)
find_library(Graphviz_cgraph_LIBRARY cgraph)
find_library(Graphviz_cdt_LIBRARY cdt)
set(_reorg_graphviz_plugins dot_layout neato_layout core pango)
set(_reorg_graphviz_plugin_vars)
foreach(plugin IN LISTS _reorg_graphviz_plugins)
  find_library(Graphviz_${plugin}_PLUGIN gvplugin_${plugin} PATH_SUFFIXES graphviz)
  list(APPEND _reorg_graphviz_plugin_vars Graphviz_${plugin}_PLUGIN)
endforeach()

find_package_handle_standard_args(Graphviz REQUIRED_VARS Graphviz_INCLUDE_DIR
  Graphviz_gvc_LIBRARY Graphviz_cgraph_LIBRARY Graphviz_cdt_LIBRARY ${_reorg_graphviz_plugin_vars})

if(Graphviz_FOUND AND NOT TARGET Graphviz::gvc)
  add_library(Graphviz::gvc INTERFACE IMPORTED)
  set_target_properties(Graphviz::gvc PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${Graphviz_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${Graphviz_gvc_LIBRARY};${Graphviz_cgraph_LIBRARY};${Graphviz_cdt_LIBRARY}")
  add_library(Graphviz::plugins INTERFACE IMPORTED)
  set(_reorg_graphviz_plugin_files)
  foreach(var IN LISTS _reorg_graphviz_plugin_vars)
    list(APPEND _reorg_graphviz_plugin_files "${${var}}")
  endforeach()
  # The plugins live outside the loader's default path (…/graphviz/): every program that links
  # them, installed or not, must carry that folder in its run path.
  get_filename_component(_reorg_graphviz_plugin_dir "${Graphviz_dot_layout_PLUGIN}" DIRECTORY)
  set_target_properties(Graphviz::plugins PROPERTIES
    INTERFACE_LINK_LIBRARIES "${_reorg_graphviz_plugin_files};Graphviz::gvc"
    INTERFACE_LINK_OPTIONS "LINKER:-rpath,${_reorg_graphviz_plugin_dir}")
endif()
mark_as_advanced(Graphviz_INCLUDE_DIR Graphviz_gvc_LIBRARY Graphviz_cgraph_LIBRARY
  Graphviz_cdt_LIBRARY ${_reorg_graphviz_plugin_vars})
