function __procrun_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __procrun_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __procrun_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __procrun_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __procrun_parse_tokens -S
    set -l unparsed_tokens (__procrun_tokens -pc)
    switch $unparsed_tokens[1]
    case 'procrun'
        __procrun_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'run'
            __procrun_parse_subcommand -r 1 's/set=+' 'inputs=' 'resume' 'force' 'from=' 'adapt=+' 'l/library=' 'executor=' 'timeout=' 'junit=' 'keep-going' 'n/dry-run' 'json' 'q/quiet' 'v/verbose' 'no-learn' 'learn' 'no-color' 'version' 'h/help'
        case 'check'
            __procrun_parse_subcommand -r 1 'l/library=' 'executor=' 'strict' 'json' 'no-color' 'version' 'h/help'
        case 'list'
            __procrun_parse_subcommand 0 'l/library=' 'json' 'no-color' 'version' 'h/help'
        case 'show'
            __procrun_parse_subcommand 1 'l/library=' 'json' 'no-color' 'version' 'h/help'
        case 'graph'
            __procrun_parse_subcommand 1 'format=' 'l/library=' 'no-color' 'version' 'h/help'
        case 'stats'
            __procrun_parse_subcommand -r 1 'l/library=' 'json' 'no-color' 'prune' 'version' 'h/help'
        case 'history'
            __procrun_parse_subcommand 1 'since=' 'until=' 'l/library=' 'json' 'no-color' 'version' 'h/help'
        case 'report'
            __procrun_parse_subcommand 0 'format=' 'html=' 'since=' 'until=' 'l/library=' 'no-color' 'version' 'h/help'
        case 'optimize'
            __procrun_parse_subcommand 1 'write' 'remove-failing' 'l/library=' 'no-color' 'version' 'h/help'
        case 'record'
            __procrun_parse_subcommand 1 'description=' 'tags=' 'from=+' 'keep-optional' 'dry-run' 'force' 'new-version' 'verify' 'secret=+' 'l/library=' 'no-color' 'version' 'h/help'
        case 'find'
            __procrun_parse_subcommand 1 'limit=' 'json' 'no-cache' 'l/library=' 'no-color' 'version' 'h/help'
        case 'similar'
            __procrun_parse_subcommand 0 'threshold=' 'json' 'l/library=' 'no-color' 'version' 'h/help'
        case 'merge'
            __procrun_parse_subcommand -r 2 'reason=' 'archive' 'force' 'dry-run' 'l/library=' 'no-color' 'version' 'h/help'
        case 'merge-driver'
            __procrun_parse_subcommand 8 'version' 'h/help'
        case 'git-setup'
            __procrun_parse_subcommand 1 'l/library=' 'pattern=+' 'program=' 'version' 'h/help'
        case 'review'
            __procrun_parse_subcommand 2 'format=' 'version' 'h/help'
        case 'resolve'
            __procrun_parse_subcommand -r 1 'version' 'h/help'
        case 'mcp'
            __procrun_parse_subcommand 0 'l/library=' 'timeout=' 'version' 'h/help'
        case 'export'
            __procrun_parse_subcommand 0 'skills=' 'l/library=' 'json' 'version' 'h/help'
        case 'schema'
            __procrun_parse_subcommand 1 'version' 'h/help'
        case 'new'
            __procrun_parse_subcommand 1 'description=' 'l/library=' 'no-color' 'version' 'h/help'
        case 'completion'
            __procrun_parse_subcommand 1 'version' 'h/help'
        case 'help'
            __procrun_parse_subcommand -r 1 'version'
        end
    end
end

function __procrun_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __procrun_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __procrun_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __procrun_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__procrun_tokens -p)
    if test -z "$(__procrun_tokens -t)"
        set -l index (count (__procrun_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'procrun' -f
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'run' -d 'Run a procedure (the default: procrun NAME is procrun run NAME).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'check' -d 'Check procedure files without running them; report every problem.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'list' -d 'List the procedures of the library: name, description, tags, file.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'show' -d 'Print a procedure: inputs, outputs, steps with the commands they run, and its call tree.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'graph' -d 'Print a procedure\'s call graph as Mermaid or DOT.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'stats' -d 'Show the recorded runs of procedures; for one procedure, its steps with failing and slow ones marked.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'history' -d 'Show a procedure\'s runs along its git history: each commit that added runs, with their success rate and duration.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'report' -d 'Report a library\'s health from its git history: trends, flaky and slow steps, procedures not run.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'optimize' -d 'Propose removing steps that fail more often than they succeed (needs 3 recorded runs); print the change as a diff.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'record' -d 'Record a procedure from commands typed at a prompt, or from an agent\'s action log.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'find' -d 'Find the procedures that best fit a task, by relevance and success record.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'similar' -d 'List groups of near-duplicate procedures, judged by their steps, and the one to keep.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'merge' -d 'Mark procedures as superseded by the one kept (or archive them); nothing is deleted.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'merge-driver' -d 'Git merge driver for procedure files: sums the stats of both branches, merges the rest like git.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'git-setup' -d 'Set up a git repository for its procedure library (merge driver, .gitattributes, .gitignore).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'review' -d 'Summarize what a change does to a library\'s procedures: authored changes and what their record says now.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'resolve' -d 'After a merge left conflicts in procedure files, merge their stats as the merge driver would.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'mcp' -d 'Serve the library over MCP on standard input and output (see grammar.md, MCP).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'export' -d 'Export the library as Agent Skills: one folder per procedure with a SKILL.md.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'schema' -d 'Print the JSON Schema of procedure files (procedure, the default), of procrun.yaml (library) or of show --json (show).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'new' -d 'Start a new procedure: write a checked skeleton NAME.yaml into the library (never over an existing one).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'completion' -d 'Print the shell completion script for bash, zsh or fish.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun run" -ge 1' -fka '(__procrun_custom_completion ---completion run -- positional@0 (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run"' -s 's' -l 'set' -d 'An input value, read as the input\'s type.' -rfka '(__procrun_custom_completion ---completion run -- --set (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" inputs' -l 'inputs' -d 'Input values as a JSON object (- for standard input); --set wins.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" resume' -l 'resume' -d 'Rerun the last failed run of the procedure from its failed step, with the same inputs.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" force' -l 'force' -d 'Run steps and procedures even when their up-to-date check holds; with --resume or --from: go on even when the procedure changed since that run.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" from' -l 'from' -d 'Start at this step (an id or a number); earlier steps are skipped, their results taken from the last run.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run"' -l 'adapt' -d 'Override PARAM in every step using ACTION.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" executor' -l 'executor' -d 'Run actions nothing else defines through COMMAND (see grammar.md, Executors).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" timeout' -l 'timeout' -d 'Each step\'s limit when the step sets no timeout (500ms, 30s, 5m).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" junit' -l 'junit' -d 'Also write the run as JUnit XML, for CI (one testcase per step that ran, steps of called procedures included).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" keep-going' -l 'keep-going' -d 'With several procedures: run them all, even after one failed.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" dry-run n' -s 'n' -l 'dry-run' -d 'Print each step as it would run, and run nothing.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" json' -l 'json' -d 'Print the JSON report on standard output instead of progress.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" q quiet' -s 'q' -l 'quiet' -d 'Print nothing but errors.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" v verbose' -s 'v' -l 'verbose' -d 'Stream each command\'s output as it runs.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" no-learn' -l 'no-learn' -d 'Leave the stats block untouched.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" learn' -l 'learn' -d 'Learn from this run even when PROCRUN_LEARN=0 or procrun.yaml\'s \'learn: false\' says not to.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun check" -ge 1' -fka '(__procrun_custom_completion ---completion check -- positional@0 (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun check" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun check" executor' -l 'executor' -d 'Accept actions nothing else defines, as run --executor COMMAND would run them.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun check" strict' -l 'strict' -d 'Report warnings as errors: any warning fails the check (exit 2).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun check" json' -l 'json' -d 'Print one JSON document on standard output: every file, every problem, a summary.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun check" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun check" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun list" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun list" json' -l 'json' -d 'Print JSON (see grammar.md, Interfaces for agents).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun list" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun list" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun show" -eq 1' -fka '(__procrun_custom_completion ---completion show -- positional@0 (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun show" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun show" json' -l 'json' -d 'Print JSON (see grammar.md, Interfaces for agents).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun show" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun show" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun graph" -eq 1' -fka '(__procrun_custom_completion ---completion graph -- positional@0 (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun graph" format' -l 'format' -d 'mermaid or dot.' -rfka 'mermaid dot'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun graph" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun graph" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun graph" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun graph" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun stats" -ge 1' -fka '(__procrun_custom_completion ---completion stats -- positional@0 (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun stats" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun stats" json' -l 'json' -d 'Print JSON for tools.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun stats" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun stats" prune' -l 'prune' -d 'Remove the figures of steps that are no longer in the file (orphans) from the stats blocks.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun stats" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun history" -eq 1' -fka '(__procrun_custom_completion ---completion history -- positional@0 (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun history" since' -l 'since' -d 'Only commits from this day or time on: 2026-11-01, 2026-11-01T09:30:00Z, or back from now: 30d, 2w.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun history" until' -l 'until' -d 'Only commits up to this day (included) or time; also the date procedures not run lately are judged at (default: now).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun history" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun history" json' -l 'json' -d 'Print JSON for tools.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun history" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun history" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" format' -l 'format' -d 'text, markdown, json or html.' -rfka 'text markdown json html'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" html' -l 'html' -d 'Write the report as one self-contained HTML page to FILE.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'html\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" since' -l 'since' -d 'Only commits from this day or time on: 2026-11-01, 2026-11-01T09:30:00Z, or back from now: 30d, 2w.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" until' -l 'until' -d 'Only commits up to this day (included) or time; also the date procedures not run lately are judged at (default: now).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun optimize" -eq 1' -fka '(__procrun_custom_completion ---completion optimize -- positional@0 (count (__procrun_tokens -pc)) (__procrun_tokens -tC))'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun optimize" write' -l 'write' -d 'Apply the change to the file (bumping its version).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun optimize" remove-failing' -l 'remove-failing' -d 'Remove failing steps even when their failures stopped the procedure (a failing check).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun optimize" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun optimize" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun optimize" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun optimize" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" description' -l 'description' -d 'What the procedure does and when to use it.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" tags' -l 'tags' -d 'Comma-separated words for finding it.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record"' -l 'from' -d 'Build the procedure from an action log (one JSON object per line; - for standard input) instead of the prompt; repeat it to generalize several logs of one task.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" keep-optional' -l 'keep-optional' -d 'With several logs, keep the steps only some of them performed, each behind a new boolean input.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" dry-run' -l 'dry-run' -d 'Print the procedure instead of saving it.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" force' -l 'force' -d 'Replace an existing procedure of the same name.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" new-version' -l 'new-version' -d 'Save as the next version of an existing procedure; the old file moves to archive/.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" verify' -l 'verify' -d 'Replay the new procedure once before saving it, for real: its commands run again in the library (on a terminal it asks first; --dry-run only checks and prints). Save only if the replay succeeds.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record"' -l 'secret' -d 'An environment variable whose value is secret (repeatable).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun record" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun find" limit' -l 'limit' -d 'How many matches to show.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun find" json' -l 'json' -d 'Print the matches as JSON.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun find" no-cache' -l 'no-cache' -d 'Read every file instead of using the index cache (the cache is left as it is).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun find" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun find" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun find" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun find" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun similar" threshold' -l 'threshold' -d 'The least similarity (0 to 1) for two procedures to count as near-duplicates.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun similar" json' -l 'json' -d 'Print the groups as JSON.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun similar" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun similar" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun similar" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun similar" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" reason' -l 'reason' -d 'Why they were merged (default: the similarity and both records).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" archive' -l 'archive' -d 'Move the others to archive/ in the library instead of marking them.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" force' -l 'force' -d 'Merge even procedures that do opposite things (add and delete, backup and restore).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" dry-run' -l 'dry-run' -d 'Show the change without making it.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge-driver" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun merge-driver" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun git-setup" -eq 1' -fa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun git-setup" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun git-setup"' -l 'pattern' -d 'A file pattern for the procedure files, instead of the library\'s own (repeatable).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun git-setup" program' -l 'program' -d 'The program git runs as the driver (default: procrun, found on PATH).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun git-setup" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun git-setup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun review" format' -l 'format' -d 'text, markdown or json.' -rfka 'text markdown json'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun review" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun review" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun resolve" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun resolve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun mcp" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun mcp" timeout' -l 'timeout' -d 'Each step\'s limit in run_procedure runs when the step sets none (default: procrun.yaml\'s defaults.timeout, else 10m).' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun mcp" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun mcp" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun export" skills' -l 'skills' -d 'The folder the skill folders are written into.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun export" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun export" json' -l 'json' -d 'Print the files written and unchanged as JSON.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun export" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun schema" -eq 1' -fka 'procedure library show'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun schema" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun schema" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun new" description' -l 'description' -d 'What the procedure does and when to use it.' -rfka ''
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun new" l library' -s 'l' -l 'library' -d 'The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).' -rfa '(__procrun_complete_directories)'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun new" no-color' -l 'no-color' -d 'No colour, even on a terminal (as when NO_COLOR is set).'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun new" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun new" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_positional "procrun completion" -eq 1' -fka 'bash zsh fish'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun completion" version' -l 'version' -d 'Show the version.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun completion" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'procrun' -n '__procrun_should_offer_completions_for_flags_or_options "procrun help" version' -l 'version' -d 'Show the version.'
