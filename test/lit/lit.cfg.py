# lit configuration for borrow-tidy's check tests. Every test runs; nothing
# is marked unsupported, so a passing suite means every test ran.
import os
import lit.formats

config.name = 'borrow-tidy'

# The build writes lit.site.cfg.py (tool and plugin paths); ctest passes it.
if not hasattr(config, 'borrow_binary_dir'):
    site = lit_config.params.get('borrow_site_config')
    if not site:
        lit_config.fatal('run through ctest, or pass '
                         '--param borrow_site_config=BUILD/test/lit/lit.site.cfg.py')
    lit_config.load_config(config, site)
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = ['.cpp', '.cc', '.mm', '.test']
config.excludes = ['Inputs']
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.borrow_binary_dir, 'test', 'lit')

runner = os.path.join(config.test_source_root, 'check_borrow_tidy.py')
config.substitutions.append(
    ('%check_borrow_tidy',
     '%s %s --clang-tidy=%s --plugin=%s --filecheck=%s' % (
         config.python, runner, config.clang_tidy, config.plugin,
         config.filecheck)))
config.substitutions.append(('%clang_tidy', config.clang_tidy))
config.substitutions.append(
    ('%run_clang_tidy', os.path.join(config.llvm_tools_dir, 'run-clang-tidy')))
config.substitutions.append(
    ('%borrow_summaries', os.path.join(config.borrow_binary_dir, 'tools',
                                       'borrow-summaries', 'borrow-summaries')))
if getattr(config, 'clangd_borrow', ''):
    config.substitutions.append(('%clangd_borrow', config.clangd_borrow))
config.substitutions.append(('%plugin', config.plugin))
config.substitutions.append(
    ('%clangxx', os.path.join(config.llvm_tools_dir, 'clang++')))
config.substitutions.append(('%FileCheck', config.filecheck))
config.substitutions.append(('%python', config.python))
config.substitutions.append(('%source_root', config.borrow_source_dir))
config.substitutions.append(('%binary_root', config.borrow_binary_dir))
config.environment['PATH'] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get('PATH', os.environ['PATH'])])
