import ProcrunKit
import Testing

extension CheckOnceTests {
    @Test("a refused 'for_each' is the only error: the step's reads of its item are not refused too")
    func refusedLoop() throws {
        try expectCheck(
            [
                (
                    "loop.yaml",
                    """
                    name: loop
                    inputs:
                      hosts: {type: list, default: [a]}
                    steps:
                      - id: one
                        action: shell
                        for_each: inputs.hosts |
                        parameters:
                          command: echo {{ item }}
                      - id: two
                        action: shell
                        for_each: {a: 1}
                        as: host
                        parameters:
                          command: echo {{ host }} {{ loop.index }}

                    """
                )
            ],
            stderr: """
                loop.yaml:7:29: error: expected a filter name after '|', found end of text
                    for_each: inputs.hosts |
                                            ^
                loop.yaml:12:15: error: expected a string for 'for_each', found a mapping
                    for_each: {a: 1}
                              ^
                2 problems found in 1 file

                """)
    }
}
