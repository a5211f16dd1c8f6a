Handlers.add('Reset', 'Reset', function(msg)
  Send({ device = 'patch@1', cache = { round = 1 } })
end)
