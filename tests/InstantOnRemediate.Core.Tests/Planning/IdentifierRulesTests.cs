using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Tests.Planning;

public sealed class IdentifierRulesTests
{
    [Theory]
    [InlineData("instanton.openliberty.io/restore-compatible", true)]
    [InlineData("team", true)]
    [InlineData("eks.amazonaws.com/nodegroup", true)]
    [InlineData("Bad_Prefix/x", false)]
    [InlineData("/x", false)]
    [InlineData("a/", false)]
    [InlineData("x; rm -rf /", false)]
    [InlineData("-leading", false)]
    public void IsLabelKey_Grammar(string key, bool expected) => Assert.Equal(expected, IdentifierRules.IsLabelKey(key));

    [Fact]
    public void IsLabelValue_LengthLimit63()
    {
        Assert.True(IdentifierRules.IsLabelValue(new string('a', 63)));
        Assert.False(IdentifierRules.IsLabelValue(new string('a', 64)));
        Assert.True(IdentifierRules.IsLabelValue(""));
        Assert.False(IdentifierRules.IsLabelValue("has space"));
    }

    [Theory]
    [InlineData("i-0123456789abcdef0", true)]
    [InlineData("i-01234567", true)]
    [InlineData("i-0123456", false)]
    [InlineData("i-0123456789ABCDEF0", false)]
    [InlineData("i-0123456789abcdef0 && reboot", false)]
    public void IsInstanceId_Pattern(string id, bool expected) => Assert.Equal(expected, IdentifierRules.IsInstanceId(id));

    [Fact]
    public void IsNodegroupName_LengthAndAlphabet()
    {
        Assert.True(IdentifierRules.IsNodegroupName("ng-al2_01"));
        Assert.True(IdentifierRules.IsNodegroupName(new string('n', 63)));
        Assert.False(IdentifierRules.IsNodegroupName(new string('n', 64)));
        Assert.False(IdentifierRules.IsNodegroupName("ng.al2"));
        Assert.False(IdentifierRules.IsNodegroupName("-ng"));
    }

    [Fact]
    public void ToClientRequestToken_IsStableUuidShape()
    {
        var id = ActionIds.For(ActionTypes.EksLabelNodegroup, "prod", "ng-al2", "rseq-ptrace-unsupported");
        var token = ActionIds.ToClientRequestToken(id);

        Assert.Equal(token, ActionIds.ToClientRequestToken(ActionIds.For(ActionTypes.EksLabelNodegroup, "prod", "ng-al2", "rseq-ptrace-unsupported")));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", token);
        Assert.NotEqual(id, ActionIds.For(ActionTypes.EksLabelNodegroup, "prod", "ng-al2", "vdso"));
    }
}
