using System.Reflection;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>The <c>[IamAction]</c> declarations of a function's declared types (class and every method, any visibility).</summary>
internal static class DeclaredPermissions
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<IamGrant> Of(IEnumerable<Type> types) =>
        [.. types.SelectMany(type => Declarations(type).Select(a => new IamGrant(a.Action, a.Resource, type.Name)))];

    public static IEnumerable<IamActionAttribute> Declarations(Type type) =>
        type.GetCustomAttributes<IamActionAttribute>(inherit: false)
            .Concat(type.GetMethods(Members).SelectMany(m => m.GetCustomAttributes<IamActionAttribute>(inherit: false)))
            .Concat(type.GetConstructors(Members).SelectMany(c => c.GetCustomAttributes<IamActionAttribute>(inherit: false)));

    /// <summary>
    /// Problems with the declaration itself: a type that declares no action, or a declared type holding (in a field)
    /// another AWS-calling type that is not declared — its calls would be made with permissions nobody granted.
    /// </summary>
    public static IEnumerable<string> Problems(string function, IReadOnlyCollection<Type> types)
    {
        foreach (var type in types)
        {
            if (!Declarations(type).Any())
            {
                yield return $"{function}: {type.Name} is declared but declares no [IamAction]; remove it from FunctionPermissions";
            }

            foreach (var field in type.GetFields(Members))
            {
                foreach (var held in HeldTypes(field.FieldType))
                {
                    if (!types.Contains(held) && Declarations(held).Any())
                    {
                        yield return $"{function}: {type.Name} holds {held.Name} ({field.Name}), which calls AWS; declare {held.Name} in FunctionPermissions too";
                    }
                }
            }
        }
    }

    private static IEnumerable<Type> HeldTypes(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(HeldTypes)
        : type.IsArray ? HeldTypes(type.GetElementType()!)
        : type.IsClass ? [type]
        : [];
}
