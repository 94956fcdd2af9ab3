#compdef procrun

__procrun_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__procrun_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __procrun_complete "${completions[@]:0:-1}"
    fi
}

__procrun_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_procrun() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'run:Run a procedure (the default: procrun NAME is procrun run NAME).'
            'check:Check procedure files without running them; report every problem.'
            'list:List the procedures of the library: name, description, tags, file.'
            'show:Print a procedure: inputs, outputs, steps with the commands they run, and its call tree.'
            'graph:Print a procedure'\''s call graph as Mermaid or DOT.'
            'stats:Show the recorded runs of procedures; for one procedure, its steps with failing and slow ones marked.'
            'history:Show a procedure'\''s runs along its git history: each commit that added runs, with their success rate and duration.'
            'report:Report a library'\''s health from its git history: trends, flaky and slow steps, procedures not run.'
            'optimize:Propose removing steps that fail more often than they succeed (needs 3 recorded runs); print the change as a diff.'
            'record:Record a procedure from commands typed at a prompt, or from an agent'\''s action log.'
            'find:Find the procedures that best fit a task, by relevance and success record.'
            'similar:List groups of near-duplicate procedures, judged by their steps, and the one to keep.'
            'merge:Mark procedures as superseded by the one kept (or archive them); nothing is deleted.'
            'merge-driver:Git merge driver for procedure files: sums the stats of both branches, merges the rest like git.'
            'git-setup:Set up a git repository for its procedure library (merge driver, .gitattributes, .gitignore).'
            'review:Summarize what a change does to a library'\''s procedures: authored changes and what their record says now.'
            'resolve:After a merge left conflicts in procedure files, merge their stats as the merge driver would.'
            'mcp:Serve the library over MCP on standard input and output (see grammar.md, MCP).'
            'export:Export the library as Agent Skills: one folder per procedure with a SKILL.md.'
            'schema:Print the JSON Schema of procedure files (procedure, the default), of procrun.yaml (library) or of show --json (show).'
            'new:Start a new procedure: write a checked skeleton NAME.yaml into the library (never over an existing one).'
            'completion:Print the shell completion script for bash, zsh or fish.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        run|check|list|show|graph|stats|history|report|optimize|record|find|similar|merge|merge-driver|git-setup|review|resolve|mcp|export|schema|new|completion|help)
            "_procrun_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_procrun_run() {
    local -i ret=1
    local -ar arg_specs=(
        '*:file:{__procrun_custom_complete ---completion run -- positional@0 "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '*'{-s,--set}'[An input value, read as the input'\''s type.]:NAME=VALUE:{__procrun_custom_complete ---completion run -- --set "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '--inputs[Input values as a JSON object (- for standard input); --set wins.]:FILE:'
        '--resume[Rerun the last failed run of the procedure from its failed step, with the same inputs.]'
        '--force[Run steps and procedures even when their up-to-date check holds; with --resume or --from\: go on even when the procedure changed since that run.]'
        '--from[Start at this step (an id or a number); earlier steps are skipped, their results taken from the last run.]:STEP:'
        '*--adapt[Override PARAM in every step using ACTION.]:ACTION.PARAM=VALUE:'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--executor[Run actions nothing else defines through COMMAND (see grammar.md, Executors).]:COMMAND:'
        '--timeout[Each step'\''s limit when the step sets no timeout (500ms, 30s, 5m).]:DURATION:'
        '--junit[Also write the run as JUnit XML, for CI (one testcase per step that ran, steps of called procedures included).]:FILE:'
        '--keep-going[With several procedures\: run them all, even after one failed.]'
        '(-n --dry-run)'{-n,--dry-run}'[Print each step as it would run, and run nothing.]'
        '--json[Print the JSON report on standard output instead of progress.]'
        '(-q --quiet)'{-q,--quiet}'[Print nothing but errors.]'
        '(-v --verbose)'{-v,--verbose}'[Stream each command'\''s output as it runs.]'
        '--no-learn[Leave the stats block untouched.]'
        '--learn[Learn from this run even when PROCRUN_LEARN=0 or procrun.yaml'\''s '\''learn\: false'\'' says not to.]'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_check() {
    local -i ret=1
    local -ar arg_specs=(
        '*:files:{__procrun_custom_complete ---completion check -- positional@0 "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--executor[Accept actions nothing else defines, as run --executor COMMAND would run them.]:COMMAND:'
        '--strict[Report warnings as errors\: any warning fails the check (exit 2).]'
        '--json[Print one JSON document on standard output\: every file, every problem, a summary.]'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_list() {
    local -i ret=1
    local -ar arg_specs=(
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--json[Print JSON (see grammar.md, Interfaces for agents).]'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':procedure:{__procrun_custom_complete ---completion show -- positional@0 "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--json[Print JSON (see grammar.md, Interfaces for agents).]'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_graph() {
    local -i ret=1
    local -ar ___format=('mermaid' 'dot')
    local -ar arg_specs=(
        ':procedure:{__procrun_custom_complete ---completion graph -- positional@0 "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '--format[mermaid or dot.]:FORMAT:{__procrun_complete "${___format[@]}"}'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_stats() {
    local -i ret=1
    local -ar arg_specs=(
        '*:paths:{__procrun_custom_complete ---completion stats -- positional@0 "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--json[Print JSON for tools.]'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--prune[Remove the figures of steps that are no longer in the file (orphans) from the stats blocks.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_history() {
    local -i ret=1
    local -ar arg_specs=(
        ':procedure:{__procrun_custom_complete ---completion history -- positional@0 "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '--since[Only commits from this day or time on\: 2026-11-01, 2026-11-01T09\:30\:00Z, or back from now\: 30d, 2w.]:DATE:'
        '--until[Only commits up to this day (included) or time; also the date procedures not run lately are judged at (default\: now).]:DATE:'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--json[Print JSON for tools.]'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_report() {
    local -i ret=1
    local -ar ___format=('text' 'markdown' 'json' 'html')
    local -ar arg_specs=(
        '--format[text, markdown, json or html.]:FORMAT:{__procrun_complete "${___format[@]}"}'
        '--html[Write the report as one self-contained HTML page to FILE.]:FILE:_files -g '\''*.html'\'''
        '--since[Only commits from this day or time on\: 2026-11-01, 2026-11-01T09\:30\:00Z, or back from now\: 30d, 2w.]:DATE:'
        '--until[Only commits up to this day (included) or time; also the date procedures not run lately are judged at (default\: now).]:DATE:'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_optimize() {
    local -i ret=1
    local -ar arg_specs=(
        ':file:{__procrun_custom_complete ---completion optimize -- positional@0 "${current_word_index}" "$(__procrun_cursor_index_in_current_word)"}'
        '--write[Apply the change to the file (bumping its version).]'
        '--remove-failing[Remove failing steps even when their failures stopped the procedure (a failing check).]'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_record() {
    local -i ret=1
    local -ar arg_specs=(
        ':name:'
        '--description[What the procedure does and when to use it.]:TEXT:'
        '--tags[Comma-separated words for finding it.]:a,b:'
        '*--from[Build the procedure from an action log (one JSON object per line; - for standard input) instead of the prompt; repeat it to generalize several logs of one task.]:FILE:'
        '--keep-optional[With several logs, keep the steps only some of them performed, each behind a new boolean input.]'
        '--dry-run[Print the procedure instead of saving it.]'
        '--force[Replace an existing procedure of the same name.]'
        '--new-version[Save as the next version of an existing procedure; the old file moves to archive/.]'
        '--verify[Replay the new procedure once before saving it, for real\: its commands run again in the library (on a terminal it asks first; --dry-run only checks and prints). Save only if the replay succeeds.]'
        '*--secret[An environment variable whose value is secret (repeatable).]:NAME:'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_find() {
    local -i ret=1
    local -ar arg_specs=(
        ':task:'
        '--limit[How many matches to show.]:limit:'
        '--json[Print the matches as JSON.]'
        '--no-cache[Read every file instead of using the index cache (the cache is left as it is).]'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_similar() {
    local -i ret=1
    local -ar arg_specs=(
        '--threshold[The least similarity (0 to 1) for two procedures to count as near-duplicates.]:threshold:'
        '--json[Print the groups as JSON.]'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_merge() {
    local -i ret=1
    local -ar arg_specs=(
        ':keep:'
        '*:others:'
        '--reason[Why they were merged (default\: the similarity and both records).]:TEXT:'
        '--archive[Move the others to archive/ in the library instead of marking them.]'
        '--force[Merge even procedures that do opposite things (add and delete, backup and restore).]'
        '--dry-run[Show the change without making it.]'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_merge-driver() {
    local -i ret=1
    local -ar arg_specs=(
        ':base:'
        ':ours:'
        ':theirs:'
        ':marker-size:'
        ':path:'
        ':base-label:'
        ':ours-label:'
        ':theirs-label:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_git-setup() {
    local -i ret=1
    local -ar arg_specs=(
        ':folder:_files -/'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '*--pattern[A file pattern for the procedure files, instead of the library'\''s own (repeatable).]:GLOB:'
        '--program[The program git runs as the driver (default\: procrun, found on PATH).]:PATH:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_review() {
    local -i ret=1
    local -ar ___format=('text' 'markdown' 'json')
    local -ar arg_specs=(
        ':base:'
        ':head:'
        '--format[text, markdown or json.]:FORMAT:{__procrun_complete "${___format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_resolve() {
    local -i ret=1
    local -ar arg_specs=(
        '*:files:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_mcp() {
    local -i ret=1
    local -ar arg_specs=(
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--timeout[Each step'\''s limit in run_procedure runs when the step sets none (default\: procrun.yaml'\''s defaults.timeout, else 10m).]:DURATION:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_export() {
    local -i ret=1
    local -ar arg_specs=(
        '--skills[The folder the skill folders are written into.]:DIR:'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--json[Print the files written and unchanged as JSON.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_schema() {
    local -i ret=1
    local -ar _KIND=('procedure' 'library' 'show')
    local -ar arg_specs=(
        ':KIND:{__procrun_complete "${_KIND[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_new() {
    local -i ret=1
    local -ar arg_specs=(
        ':name:'
        '--description[What the procedure does and when to use it.]:TEXT:'
        '(-l --library)'{-l,--library}'[The library folder (default\: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).]:DIR:_files -/'
        '--no-color[No colour, even on a terminal (as when NO_COLOR is set).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_completion() {
    local -i ret=1
    local -ar _SHELL=('bash' 'zsh' 'fish')
    local -ar arg_specs=(
        ':SHELL:{__procrun_complete "${_SHELL[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_procrun_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _procrun ]]; then
    _procrun "${@}"
else
    compdef _procrun procrun
fi
